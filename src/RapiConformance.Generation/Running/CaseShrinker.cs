using FsCheck;
using FsCheck.Fluent;

namespace RapiConformance.Generation.Running;

/// <summary>
/// Shrinks a failing input with FsCheck: the input becomes a one-value Arbitrary whose shrinker proposes
/// smaller candidates, and FsCheck's shrink loop keeps every candidate that still fails. The attempt
/// budget bounds the requests a shrink may send.
/// </summary>
public static class CaseShrinker
{
    public static (T Shrunk, int Steps) Shrink<T>(T failing, Func<T, IEnumerable<T>> candidates, Func<T, Task<bool>> stillFails, int maxAttempts)
    {
        var last = failing;
        var attempts = 0;
        var steps = 0;
        var arb = Arb.From(Gen.Constant(failing), x => candidates(x).Take(40));
        var property = Prop.ForAll(arb, async x =>
        {
            if (Interlocked.Increment(ref attempts) > maxAttempts) return true;
            var fails = await stillFails(x).ConfigureAwait(false);
            if (fails)
            {
                if (!ReferenceEquals(x, failing)) steps++;
                last = x;
            }
            return !fails;
        });
        var runner = new SilentRunner();
        Check.One(Config.Quick.WithMaxTest(1).WithRunner(runner).WithQuietOnSuccess(true), property);
        return (last, steps);
    }
}
