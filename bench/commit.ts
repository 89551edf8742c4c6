/**
 * Which code a measurement ran: `commitUnderTest()` is the short hash of HEAD, marked
 * "+changes" when src/ or cypher/ differ from it (the server runs the working tree), or
 * "unknown (not a git checkout)".
 */
import { execFileSync } from 'node:child_process';

export function commitUnderTest(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'cypher') ? '+changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
