import { HexcastError, type ErrorWhere } from '../lib/base/hexcast-error';
import type { ErrorCode } from '../lib/base/error-codes';

/**
 * A mistake in how the command was called (exit code 2), as opposed to a failure of the work
 * itself (exit code 1). Its code is 'usage' unless it re-throws a coded settings error (a
 * protocol value given as a flag keeps 'protocol-invalid').
 * @example new UsageError('--out FILE is required', { field: 'out' }).code // → 'usage'
 */
export class UsageError extends HexcastError {
  constructor(message: string, where: ErrorWhere & { readonly code?: ErrorCode } = {}) {
    super(where.code ?? 'usage', message, where);
    this.name = 'UsageError';
  }
}
