/** JSON Schemas of the API-Football responses (the API's shape, not the tables') and their validation. */
export { hasNoErrors, type Envelope } from './envelope';
export {
  ENDPOINTS,
  EnvelopeError,
  isEndpoint,
  validateResponse,
  type Endpoint,
  type FixtureWithDetails,
  type ItemOf,
  type ItemProblem,
  type ItemReject,
  type ValidatedResponse,
} from './validator';
