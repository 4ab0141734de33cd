/** JSON Schemas of the API-Football responses (the API's shape, not the tables') and their validation. */
export { hasNoErrors, type Envelope } from './envelope';
export {
  ENDPOINTS,
  EnvelopeError,
  isEndpoint,
  validateResponse,
  type BodyProblem,
  type Endpoint,
  type FixtureWithDetails,
  type ItemOf,
  type ItemProblem,
  type ItemReject,
  type ValidateOptions,
  type ValidatedResponse,
} from './validator';
