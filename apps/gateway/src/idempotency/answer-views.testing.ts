import type { Type } from '@nestjs/common';
import { ANSWER_METADATA } from '../access/access.decorators';
import { CONTROLLERS } from '../gateway.module';
import { propertiesOf, viewTypeOf } from '../http/personal';

/** Every view class an answer can reach, from the routes' answer classes down their properties. */
export function answerViews(): Set<Type<unknown>> {
  const views = new Set<Type<unknown>>();
  const pending: Type<unknown>[] = CONTROLLERS.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      const view =
        typeof handler === 'function'
          ? (Reflect.getMetadata(ANSWER_METADATA, handler) as Type<unknown> | undefined)
          : undefined;
      return view ? [view] : [];
    }),
  );
  for (let view = pending.pop(); view; view = pending.pop()) {
    if (views.has(view)) continue;
    views.add(view);
    for (const key of propertiesOf(view)) {
      const inner = viewTypeOf(view, key);
      if (inner) pending.push(inner);
    }
  }
  return views;
}
