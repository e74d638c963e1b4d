/** The routes an Express app serves, read from its router, so a test over "every route" cannot miss a new one. */
import { createApp } from '../../fake-server/http/app';
import { EnvironmentRegistry } from '../../fake-server/environment-registry';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

function routesOf(stack: RouteLayer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route?.path}`);
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

/** "METHOD /path/:param" for every route of the fake's app, with or without the test-control routes. */
export function appRoutes(options: { testControl: boolean } = { testControl: true }): string[] {
  const app = createApp({ registry: new EnvironmentRegistry(), testControl: options.testControl }) as unknown as {
    router: { stack: RouteLayer[] };
  };
  return routesOf(app.router.stack);
}
