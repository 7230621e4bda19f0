/** The sheet's confirmations: the stored form (lib/store/schema) and the one matching rule (lib/check/confirmed). */
export { Confirmation } from '../store/schema';
export { confirmationOf } from '../check/confirmed';
