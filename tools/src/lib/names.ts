/**
 * How the generators spell a name in each place it appears, and the English they guess (plurals, past tenses).
 * A guess that reads wrong is overridden with the generator's options (--aggregate, --resource, --event).
 */
export interface Names {
  /** `return-visit`: files, folders, URL paths. */
  readonly kebab: string;
  /** `ReturnVisit`: types, classes, proto messages. */
  readonly pascal: string;
  /** `returnVisit`: variables, functions, fields. */
  readonly camel: string;
  /** `RETURN_VISIT`: constants, environment variables, error codes. */
  readonly constant: string;
  /** `return visit`: prose. */
  readonly prose: string;
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export function namesOf(words: readonly string[]): Names {
  const lower = words.map((w) => w.toLowerCase());
  const pascal = lower.map(capitalise).join('');
  return {
    kebab: lower.join('-'),
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    constant: lower.join('_').toUpperCase(),
    prose: lower.join(' '),
  };
}

/** `return-visit` → ['return', 'visit']. */
export function wordsOfKebab(name: string): string[] {
  return name.split('-');
}

/** `MergeCustomers` → ['Merge', 'Customers']. */
export function wordsOfPascal(name: string): string[] {
  return name.match(/[A-Z][a-z0-9]*/g) ?? [];
}

/** A service: one lower-case word, as it also names its PostgreSQL schema, topics, proto package and env vars. */
export const SERVICE_NAME = /^[a-z][a-z0-9]{1,29}$/;
/** An aggregate (a folder of domain/): kebab-case. */
export const AGGREGATE_NAME = /^[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*$/;
/** Commands and events: PascalCase words, no run of capitals (so every spelling can be derived back). */
export const PASCAL_NAME = /^(?:[A-Z][a-z0-9]+)+$/;

/** Names the repository gives to other things than services: a service cannot take them. */
export const RESERVED_SERVICE_NAMES = ['gateway', 'e2e', 'tools', 'platform', 'kernel', 'testing'];

/** `order` → `orders`, `inquiry` → `inquiries`, `address` → `addresses`. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** `orders` → `order`, `inquiries` → `inquiry`, `billing` → `billing`. */
export function singular(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(x|z|ch|sh|ss|us)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const IRREGULAR: Readonly<Record<string, string>> = {
  Begin: 'Begun',
  Bring: 'Brought',
  Buy: 'Bought',
  Choose: 'Chosen',
  Do: 'Done',
  Draw: 'Drawn',
  Forget: 'Forgotten',
  Get: 'Got',
  Give: 'Given',
  Hold: 'Held',
  Keep: 'Kept',
  Lay: 'Laid',
  Leave: 'Left',
  Lend: 'Lent',
  Make: 'Made',
  Pay: 'Paid',
  Put: 'Put',
  Read: 'Read',
  Redo: 'Redone',
  Reset: 'Reset',
  Sell: 'Sold',
  Send: 'Sent',
  Set: 'Set',
  Shut: 'Shut',
  Split: 'Split',
  Take: 'Taken',
  Undo: 'Undone',
  Withdraw: 'Withdrawn',
  Write: 'Written',
};

/** Verbs that double their last consonant (stress on the last syllable, or British spelling as the repo uses). */
const DOUBLING =
  /^(Admit|Cancel|Commit|Control|Drop|Label|Model|Omit|Permit|Plan|Refer|Ship|Stop|Submit|Transfer|Travel)$/;

/** `Merge` → `Merged`, `Cancel` → `Cancelled`, `Verify` → `Verified`, `Send` → `Sent`. */
export function pastTense(verb: string): string {
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular;
  // A one-syllable verb ending in one vowel and one consonant doubles it too: Flag → Flagged, Pin → Pinned.
  if (DOUBLING.test(verb) || /^[^aeiou]*[aeiou][^aeiouwxy]$/i.test(verb)) return `${verb}${verb.slice(-1)}ed`;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/**
 * The event a command records, named in the past tense with its object first: `PlaceOrder` → `OrderPlaced`,
 * `ChangeOrderAddress` → `OrderAddressChanged`; a lone verb takes the aggregate as object: `Confirm` on an order →
 * `OrderConfirmed`.
 */
export function eventOf(command: string, aggregate: Names): string {
  const [verb = command, ...object] = wordsOfPascal(command);
  return `${object.length > 0 ? object.join('') : aggregate.pascal}${pastTense(verb)}`;
}

/**
 * The last segment of a command's URL on an existing record: the command's words without the aggregate's
 * (`ConfirmOrder` on an order → `confirm`, `ChangeOrderAddress` → `change-address`), as `customers/:id/merge`.
 */
export function actionSegmentOf(command: string, aggregate: Names): string {
  const words = wordsOfPascal(command);
  const without = (own: readonly string[]): string[] | undefined => {
    const at = words.findIndex((_, i) => own.every((w, j) => words[i + j] === w));
    return at < 0 ? undefined : [...words.slice(0, at), ...words.slice(at + own.length)];
  };
  const singularWords = wordsOfPascal(aggregate.pascal);
  const pluralWords = [
    ...singularWords.slice(0, -1),
    namesOf([plural(aggregate.kebab.split('-').at(-1) ?? '')]).pascal,
  ];
  const rest = without(singularWords) ?? without(pluralWords) ?? words;
  return namesOf(rest.length > 0 ? rest : words).kebab;
}

/** `PlaceOrder` → `Place order`: a summary to start from. */
export function summaryOf(command: string): string {
  const words = wordsOfPascal(command).map((w) => w.toLowerCase());
  return capitalise(words.join(' '));
}
