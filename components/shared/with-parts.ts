import type { ComponentChild } from 'preact';

/** A marker for `withParts`: put in a message's placeholder where an element goes. */
export const part = (name: string): string => `\u0000${name}\u0001`;

/** A translated text with elements where its markers are (`t(key, { n: part('n') })`), so words keep their locale's order. */
export function withParts(text: string, parts: Readonly<Record<string, ComponentChild>>): ComponentChild[] {
  return text.split(/\u0000(\w+)\u0001/).map((s, i) => (i % 2 ? parts[s] : s));
}
