/** Evaluates a parsed Gmail query (query.ts) against one message's cached metadata, labels and internal date. */

import type { AddressField, QueryNode } from './query';
import { type AddressMeta, type MessageMeta, words } from './state';

export interface QueryTarget {
  meta: MessageMeta;
  labelIds: readonly string[];
  internalDate: number;
}

function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function addressesOf(meta: MessageMeta, field: AddressField): AddressMeta[] {
  // Gmail's to: matches every recipient: To, Cc and Bcc (Gmail Help, "Search operators": to: "Specify a recipient").
  if (field === 'to') return [...meta.to, ...meta.cc, ...meta.bcc];
  return meta[field];
}

/**
 * An address term: with `@`, an exact case-insensitive address (or `@domain`, a domain suffix); `me`, the mailbox
 * owner; otherwise a run of whole words of the address or of the display name (Gmail matches `from:acme` against
 * `sam@acme.example`).
 */
function matchAddress(list: AddressMeta[], value: string, me: string): boolean {
  if (value === 'me') return list.some((a) => a.lower === me);
  if (value.includes('@')) {
    if (value.startsWith('@')) return list.some((a) => a.lower.endsWith(value));
    return list.some((a) => a.lower === value);
  }
  const needle = words(value);
  return list.some((a) => containsRun(a.addressWords, needle) || containsRun(a.nameWords, needle));
}

/** Evaluates a parsed query for one message. `me` is the mailbox owner's address (lower case). */
export function evaluateQuery(node: QueryNode, target: QueryTarget, me: string): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => evaluateQuery(c, target, me));
    case 'or':
      return node.children.some((c) => evaluateQuery(c, target, me));
    case 'not':
      return !evaluateQuery(node.child, target, me);
    case 'address':
      return matchAddress(addressesOf(target.meta, node.field), node.value, me);
    case 'addressSet':
      return addressesOf(target.meta, node.field).some((a) => node.addresses.has(a.lower));
    case 'in':
      if (node.box === 'anywhere') return true;
      return target.labelIds.includes(node.box === 'inbox' ? 'INBOX' : node.box === 'sent' ? 'SENT' : 'DRAFT');
    // after: is inclusive of the instant, before: exclusive (Gmail reads after:2004/04/16 as from that midnight on).
    case 'after':
      return target.internalDate >= node.ms;
    case 'before':
      return target.internalDate < node.ms;
    case 'msgid':
      return target.meta.rfcMessageId === node.id;
  }
}

export type QueryPredicate = (meta: MessageMeta, labelIds: readonly string[], internalDate: number) => boolean;

/** Compiles a parsed query into one predicate (faster than walking the tree per message on big mailboxes). */
export function compileQuery(node: QueryNode, me: string): QueryPredicate {
  switch (node.kind) {
    case 'and': {
      const parts = node.children.map((c) => compileQuery(c, me));
      return (meta, labels, date) => {
        for (const p of parts) if (!p(meta, labels, date)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = node.children.map((c) => compileQuery(c, me));
      return (meta, labels, date) => {
        for (const p of parts) if (p(meta, labels, date)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileQuery(node.child, me);
      return (meta, labels, date) => !inner(meta, labels, date);
    }
    case 'addressSet': {
      const { field, addresses } = node;
      if (field === 'to') {
        return (meta) =>
          meta.to.some((a) => addresses.has(a.lower)) ||
          meta.cc.some((a) => addresses.has(a.lower)) ||
          meta.bcc.some((a) => addresses.has(a.lower));
      }
      return (meta) => {
        const list = meta[field];
        for (let i = 0; i < list.length; i++) if (addresses.has(list[i]!.lower)) return true;
        return false;
      };
    }
    default:
      return (meta, labelIds, internalDate) => evaluateQuery(node, { meta, labelIds, internalDate }, me);
  }
}
