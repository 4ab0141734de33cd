// The knex CLI reads this file (through ts-node, see tsconfig.json). The connection is resolved
// lazily: DATABASE_URL when set, otherwise the embedded PostgreSQL under QUANTFOOT_HOME.
import { knexConfig } from './src/db/config';

export default knexConfig();
