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
export {
  type Address,
  decodeEncodedWords,
  formatAddress,
  type HeaderField,
  type MimeEntity,
  type ParsedMime,
  parseAddressList,
  parseMime,
} from './mime';
export { evaluateQuery, parseGmailQuery, type QueryNode, type QueryTarget } from './query';
export { createGmailService, type GmailServiceResult } from './service';
export {
  addMessage,
  buildRawMessage,
  createMailboxState,
  DEFAULT_QUERY_TIME_ZONE,
  type MailboxFile,
  MailboxFileError,
  type MailboxFileMessage,
  type MailboxState,
  mailboxFromFile,
  mailboxFromJson,
  mailboxToJson,
  metaOf,
  type StoredDraft,
  type StoredMessage,
} from './state';
