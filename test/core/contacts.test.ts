/** Email cells and names as people type them (docs/RULES.md §2). */
import fc from 'fast-check';
import { firstName, isOwnAddress, readAddress } from '../../src/core/contacts';

describe('readAddress', () => {
  it.each([
    ['jo@kitehill.example', 'jo@kitehill.example', []],
    ['  jo@kitehill.example ', 'jo@kitehill.example', []],
    ['Jo Lane <jo@kitehill.example>', 'jo@kitehill.example', []],
    ['"Lane, Jo" <jo@kitehill.example>', 'jo@kitehill.example', []],
    ['Lane, Jo <jo@kitehill.example>', 'jo@kitehill.example', []],
    ['<jo@kitehill.example>', 'jo@kitehill.example', []],
    ['mailto:jo@kitehill.example', 'jo@kitehill.example', []],
    ['mailto:jo@kitehill.example?subject=Hi', 'jo@kitehill.example', []],
    ['Email: jo@kitehill.example', 'jo@kitehill.example', []],
    ['E-mail: jo@kitehill.example', 'jo@kitehill.example', []],
    ['+1 555 0100 / jo@kitehill.example', 'jo@kitehill.example', []],
    ['Phone: (555) 010-0100; Email: jo@kitehill.example', 'jo@kitehill.example', []],
    ['jo@kitehill.example (work)', 'jo@kitehill.example', []],
    ['sam@bw.example, hr@bw.example', 'sam@bw.example', ['hr@bw.example']],
    ['sam@bw.example; hr@bw.example; SAM@bw.example', 'sam@bw.example', ['hr@bw.example']],
    ['Sam Ito <sam@bw.example>, HR <hr@bw.example>', 'sam@bw.example', ['hr@bw.example']],
  ])('%p gives %p, leaving out %p', (cell, address, leftOut) => {
    expect(readAddress(cell)).toEqual({ kind: 'address', address, leftOut });
  });

  it.each([
    ['jo at kitehill dot example', false],
    ['Jo Lane', false],
    ['Jo Lane, jo@kitehill.example', false],
    ['sam@acme', false],
    ['a..b@acme.example', false],
    ['Sam <sam@acme>', false],
    ['call 555', false],
    ['jo@kitehill.example\r\nBcc: x@evil.example', true],
    ['jo@kitehill.example\nhr@kitehill.example', true],
    ['jo\t@kitehill.example', true],
    ['jo@kite\u0007hill.example', true],
  ])('%p is not an address (line break: %p)', (cell, lineBreak) => {
    expect(readAddress(cell)).toEqual({ kind: 'invalid', lineBreak });
  });

  it('reads a blank cell as blank', () => {
    expect(readAddress('  ')).toEqual({ kind: 'blank' });
    expect(readAddress(null)).toEqual({ kind: 'blank' });
  });

  it('reads a bare address (its fast path) as the list reading reads it with a separator after it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ unit: 'binary' })), (cell) => {
        const bare = readAddress(cell);
        if (bare.kind !== 'address' || bare.address !== cell.trim()) return;
        expect(readAddress(`${cell};`)).toEqual(bare);
        expect(readAddress(`| ${cell}`)).toEqual(bare);
      }),
      { seed: 20261207, numRuns: 2000 },
    );
  });

  it('never gives an address with a space, a line break or an angle bracket (no header can be added)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (cell) => {
        const read = readAddress(cell);
        if (read.kind === 'address') {
          for (const a of [read.address, ...read.leftOut]) expect(a).toMatch(/^[^\s<>,;"\p{Cc}]+@[^\s<>,;"\p{Cc}]+$/u);
        }
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });
});

describe('isOwnAddress', () => {
  const own = ['casey.park@gmail.com', 'casey@example.com'];
  it.each([
    ['casey.park@gmail.com', true],
    ['Casey.Park@Gmail.com', true],
    ['caseypark@gmail.com', true],
    ['casey.park+jobs@googlemail.com', true],
    ['casey+jobs@example.com', true],
    ['c.asey@example.com', false],
    ['jo@kitehill.example', false],
  ])('%p is the user: %p', (address, mine) => {
    expect(isOwnAddress(address, own)).toBe(mine);
  });
});

describe('firstName', () => {
  it.each([
    ['Theo', 'Theo'],
    ['Sam Lee', 'Sam'],
    ['Marsh, Theo', 'Theo'],
    ['van der Berg, Anna', 'Anna'],
    ['Marsh, Dr. Theo', 'Theo'],
    ['Dr. Rita Moss', 'Rita'],
    ['Dr Rita Moss', 'Rita'],
    ['Prof. Ada Byron', 'Ada'],
    ['Mr John Smith', 'John'],
    ['Ms. Kim Ode', 'Kim'],
    ['Mrs Dana Okafor', 'Dana'],
    ['Mx Lee Park', 'Lee'],
    ['Jo Lane, Recruiter', 'Jo'],
    ['Theo Marsh, PhD', 'Theo'],
    ['"Jo" Lane', 'Jo'],
    ['Mary-Jane Watts', 'Mary-Jane'],
    ['Jo Lane <jo@kitehill.example>', ''],
    ['jo@kitehill.example', ''],
    ['Dr.', ''],
    ['Ms', ''],
    ['HR Team', ''],
    ['Recruiting', ''],
    ['J. Lane', ''],
    ['  ', ''],
  ])('%p greets %p', (cell, name) => {
    expect(firstName(cell)).toBe(name);
  });
});
