/** The emulated Gmail advanced service and its mailbox. */

export { type GmailFault, type GmailFaultKind, injectGmailFault } from './faults';
export { formatMessage, signedBytes } from './format';
export {
  type DecodedDraft,
  type DraftEdit,
  deleteDraft,
  deliverScheduled,
  editDraft,
  listDecodedDrafts,
  receiveMessages,
  type SentMessage,
  scheduleDraft,
  sendAllDrafts,
  sendDraft,
  UserStepError,
} from './host';
export { addMessage, type MailboxFile, type MailboxFileMessage, mailboxFromFile } from './mailbox-file';
export { type HeaderField, type MimeEntity, type ParsedMime, parseMime } from './mime';
export { type Address, formatAddress, parseAddressList } from './mime-address';
export { decodeEncodedWords } from './mime-charset';
export { parseGmailQuery, type QueryNode } from './query';
export { evaluateQuery, type QueryTarget } from './query-match';
export { buildRawMessage } from './raw-message';
export { createGmailService, type GmailServiceResult } from './service';
export {
  createMailboxState,
  DEFAULT_QUERY_TIME_ZONE,
  MailboxFileError,
  type MailboxState,
  mailboxFromJson,
  mailboxToJson,
  metaOf,
  type StoredDraft,
  type StoredMessage,
} from './state';
