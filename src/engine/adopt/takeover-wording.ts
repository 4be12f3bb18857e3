/**
 * The take-over's messages in the page's words. The engine says what to do next as the CLI does
 * ("adopt again", "adopt --rollback", "--remove-grants", "--name"); the page has buttons and a
 * checkbox instead, so it shows each such message by a page variant of its id (the catalogue's
 * `…Page` ids, as `uninstall.taskPodsLeftPage`), with the same parameters. The CLI keeps the
 * engine's ids.
 */
import type { Finding } from '../preflight/findings';
import type { MessageId } from '../messages/catalogue';
import { type Message, msg } from '../messages/message';

/** Each take-over message that names the command or its flags, and its page variant. */
export const PAGE_WORDING = {
  'adopt.finding.external': 'adopt.finding.externalPage',
  'adopt.finding.replicated': 'adopt.finding.replicatedPage',
  'adopt.finding.nameTaken': 'adopt.finding.nameTakenPage',
  'adopt.finding.valuesInvalid': 'adopt.finding.valuesInvalidPage',
  'adopt.finding.grantsLeft': 'adopt.finding.grantsLeftPage',
  'adopt.finding.otherTakeover': 'adopt.finding.otherTakeoverPage',
  'adopt.run.podsTimeout': 'adopt.run.podsTimeoutPage',
  'adopt.run.deployFailed': 'adopt.run.deployFailedPage',
  'adopt.run.notReady': 'adopt.run.notReadyPage',
} as const satisfies Partial<Record<MessageId, MessageId>>;

/**
 * Messages only the CLI says: a staged run (`adopt --until`) pauses with them, and the page runs
 * a take-over to its end, so it never shows them.
 */
export const CLI_ONLY: readonly MessageId[] = ['adopt.run.paused', 'adopt.run.pausedClosed'];

const pageId = (id: MessageId): MessageId | undefined =>
  Object.hasOwn(PAGE_WORDING, id) ? PAGE_WORDING[id as keyof typeof PAGE_WORDING] : undefined;

/** A take-over message as the page says it: its page variant when it has one, else itself. */
export function forThePage(m: Message): Message {
  const id = pageId(m.id);
  return id ? msg(id, m.params) : m;
}

/** A finding of the take-over's plan as the page says it. */
export function findingForThePage(f: Finding): Finding {
  const i18n = forThePage(f.i18n);
  return i18n === f.i18n ? f : { ...f, message: i18n.text, i18n };
}
