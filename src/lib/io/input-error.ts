/** The input error lives with every other coded error in `lib/errors`; io code imports it from here. */
export { InputError } from '../base/hexcast-error';
