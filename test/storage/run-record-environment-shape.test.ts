import type { EnvFacts, Environment, LessonEnv, LiveEnvironment, RunEnv } from '../../src/core/model/environment';
import type { RunRecord } from '../../src/core/io/run-record';
import { describe, expectTypeOf, it } from 'vitest';

describe('Environment', () => {
  it("is what the engine's LiveEnvironment stores: every live environment is a recordable one", () => {
    expectTypeOf<LiveEnvironment>().toExtend<Environment>();
    expectTypeOf<keyof LiveEnvironment>().toEqualTypeOf<keyof Environment>();
    expectTypeOf<RunRecord['environment']>().toEqualTypeOf<Environment>();
  });

  it('knows the capabilities for the live page, which older stored runs may lack', () => {
    expectTypeOf<LiveEnvironment['sharedArrayBuffer']>().toEqualTypeOf<boolean>();
    expectTypeOf<Environment['sharedArrayBuffer']>().toEqualTypeOf<boolean | undefined>();
  });

  it('the narrower environments are views of it: same field names, same types', () => {
    expectTypeOf<EnvFacts>().toEqualTypeOf<Pick<Environment, keyof EnvFacts>>();
    expectTypeOf<RunEnv>().toEqualTypeOf<Pick<Environment, keyof RunEnv>>();
    expectTypeOf<LessonEnv>().toEqualTypeOf<Pick<Environment, keyof LessonEnv>>();
    expectTypeOf<RunEnv['deviceMemoryGiB']>().toEqualTypeOf<number | undefined>();
    // A live environment can be handed to every part that needs less.
    expectTypeOf<LiveEnvironment>().toExtend<RunEnv>();
    expectTypeOf<LiveEnvironment>().toExtend<LessonEnv>();
  });
});
