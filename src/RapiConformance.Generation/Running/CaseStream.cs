using FsCheck;
using FsCheck.Fluent;
using RapiConformance.Generation.Mutations;
using RapiConformance.Generation.Requests;
using RapiConformance.Spec;

namespace RapiConformance.Generation.Running;

/// <summary>
/// The deterministic stream of stateless cases of a run: case i is drawn from the FsCheck generator with
/// its own random state derived from (seed, i), so any case can be regenerated alone (--replay).
/// </summary>
public sealed class CaseStream
{
    private readonly Gen<FuzzRequest> _gen;

    public CaseStream(IReadOnlyList<OperationSpec> operations, RequestGen requests, Mutator mutator, ulong seed, double negativeShare)
    {
        if (operations.Count == 0) throw new ArgumentException("no operation to fuzz", nameof(operations));
        Seed = seed;
        Operations = operations;
        var negative = (int)Math.Round(negativeShare * 100);
        var perOperation = operations.Select(op =>
        {
            var positive = requests.Positive(op);
            var mutated = requests.Positive(op, baseForMutation: true).SelectMany(p => mutator.Mutate(op, p));
            return Gen.Frequency((Math.Max(0, 100 - negative), positive), (Math.Max(0, negative), mutated));
        }).ToArray();
        _gen = Gen.Choose(0, perOperation.Length - 1).SelectMany(i => perOperation[i]);
    }

    public ulong Seed { get; }

    public IReadOnlyList<OperationSpec> Operations { get; }

    public Gen<FuzzRequest> Generator => _gen;

    public FuzzRequest At(long index) => Gen.Sample(_gen, 1, new Rnd(CaseSeed(Seed, index)), 10 + (int)(index % 40))[0];

    /// <summary>SplitMix64 of (seed, index): independent, reproducible random state per case.</summary>
    public static ulong CaseSeed(ulong seed, long index)
    {
        var z = seed + 0x9E3779B97F4A7C15UL * (ulong)(index + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
