/**
 * A compile-time check, never bundled (nothing imports it): main.ts exports every function the pages call through
 * google.script.run, with the parameters and answer ServerApi declares. A missing or changed handler fails
 * `tsc -p tsconfig.json` here, and the pages type their calls by ServerApi (src/ui/server.ts).
 */
import type { ServerApi } from './core/pages';
import type * as Main from './main';

type Holds<T extends true> = T;

/** True only when main.ts's functions of those names have exactly ServerApi's types. */
type Serves =
  Pick<typeof Main, keyof ServerApi> extends ServerApi
    ? ServerApi extends Pick<typeof Main, keyof ServerApi>
      ? true
      : false
    : false;

export type MainServesThePages = Holds<Serves>;
