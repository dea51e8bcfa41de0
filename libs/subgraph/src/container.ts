import 'reflect-metadata';
import type { ContainerType } from 'type-graphql';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = unknown> = new (...args: any[]) => T;

/**
 * Marks a class the container may construct. The decorator itself does nothing at run time; its presence
 * makes TypeScript emit the constructor's parameter types, which is how dependencies are found.
 */
export function Injectable(): ClassDecorator {
  return () => undefined;
}

/**
 * A deliberately small dependency container: singletons per service, built on first use from their
 * constructor parameter types. Infrastructure (DataSource, Outbox, config) is registered by the runtime.
 */
export class ServiceContainer implements ContainerType {
  private readonly instances = new Map<unknown, unknown>();

  register<T>(token: Constructor<T> | (abstract new (...args: never[]) => T), instance: T): this {
    this.instances.set(token, instance);
    return this;
  }

  get<T>(token: Constructor<T>): T {
    if (this.instances.has(token)) return this.instances.get(token) as T;
    const parameterTypes: Constructor[] = Reflect.getMetadata('design:paramtypes', token) ?? [];
    if (parameterTypes.length !== token.length) {
      throw new Error(`${token.name} cannot be constructed: mark it @Injectable() or register it`);
    }
    const instance = new token(...parameterTypes.map((dependency) => this.get(dependency)));
    this.instances.set(token, instance);
    return instance;
  }
}
