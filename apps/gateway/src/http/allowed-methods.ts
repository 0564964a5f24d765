/**
 * Which methods a path answers, from the routes Nest registered on Express: a request whose path exists but not
 * with its method answers 405 with `Allow`, not 404 (RFC 9110 §15.5.6). The table is read from Express's own
 * router, so it matches paths exactly as Express does (parameters, global prefix, trailing slash, case) and can
 * never drift from the controllers.
 */

/** One registered route: whether a path matches it, and the methods it answers. */
export interface RouteMethods {
  readonly matches: (path: string) => boolean;
  readonly methods: readonly string[];
}

/** The parts of an Express 5 app (router 2.x) this reads. */
interface ExpressApp {
  readonly router?: { readonly stack?: readonly RouterLayer[] };
}
interface RouterLayer {
  readonly route?: { readonly methods: Readonly<Record<string, boolean | undefined>> };
  match(path: string): unknown;
}

/** The route layers of an Express app's router (middleware layers have no route and are left out). */
export function routesOf(app: unknown): RouteMethods[] {
  const stack = (app as ExpressApp | undefined)?.router?.stack ?? [];
  return stack.flatMap((layer) => {
    const route = layer.route;
    if (!route) return [];
    const methods = Object.entries(route.methods)
      .filter(([method, on]) => on === true && method !== '_all')
      .map(([method]) => method.toUpperCase());
    return [{ matches: (path: string) => layer.match(path) !== false, methods }];
  });
}

/**
 * The methods `path` answers, sorted: those of every route matching it, HEAD where GET is (Express answers HEAD
 * with the GET handler) and OPTIONS (answered with this list). Empty when no route matches: the path is unknown.
 */
export function allowedMethods(routes: readonly RouteMethods[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.matches(path)) for (const method of route.methods) methods.add(method);
  }
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].sort();
}

/** The routes of an app, read once on first use (after Nest's init has registered them all). */
export class RouteTable {
  private routes: RouteMethods[] | undefined;

  constructor(private readonly app: () => unknown) {}

  allowedMethods(path: string): string[] {
    this.routes ??= routesOf(this.app());
    return allowedMethods(this.routes, path);
  }
}
