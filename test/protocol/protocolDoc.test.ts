/**
 * PROTOCOL.md is how a stranger writes a client: every name the wire uses must be in it. A name
 * added to `shared/` and not to the document fails here, as five scenarios once went unlisted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLASS_MSG, TEACHER_MSG } from '../../shared/classroomProtocol.ts';
import { CLIENT_MSG, ERROR_CODES, NOTICE_CODES, PROTOCOL_HEADER, PROTOCOL_VERSION, ROOM, SERVER_MSG } from '../../shared/protocol.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';

const doc = readFileSync(new URL('../../server/PROTOCOL.md', import.meta.url), 'utf8');

/** Error codes the web client makes for itself and no server sends. */
const WEB_CLIENT_ONLY = new Set<string>(['classInOtherTab']);

/** Whether `name` is written as code: in backticks or quotes, alone or starting a code span (`seat { … }`). */
const named = (name: string): boolean => new RegExp(`[\`"]${name}[\`" ({]`).test(doc);

describe('PROTOCOL.md', () => {
  it('lists every scenario id, in the catalogue\'s order', () => {
    const paragraph = /Scenario ids \(`SCENARIO_IDS`[^)]*\):([\s\S]*?)\n\n/.exec(doc)?.[1] ?? '';
    const listed = [...paragraph.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
    expect(listed).toEqual([...SCENARIO_IDS]);
  });

  it('names every room, message, notice and error code', () => {
    const names = [
      ...Object.values(ROOM), ...Object.values(CLIENT_MSG), ...Object.values(SERVER_MSG),
      ...Object.values(CLASS_MSG), ...Object.values(TEACHER_MSG), ...NOTICE_CODES,
      ...ERROR_CODES.filter((code) => !WEB_CLIENT_ONLY.has(code)),
    ];
    expect(names.filter((name) => !named(name))).toEqual([]);
  });

  it('describes the protocol version the server speaks, and its header', () => {
    expect(doc).toContain(`This document describes protocol version ${PROTOCOL_VERSION} (\`PROTOCOL_VERSION\`)`);
    expect(doc).toMatch(new RegExp(`^\\| ${PROTOCOL_VERSION} \\| `, 'm'));
    expect(doc.toLowerCase()).toContain(PROTOCOL_HEADER);
  });
});
