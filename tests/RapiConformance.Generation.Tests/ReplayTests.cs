using RapiConformance.Generation.Mutations;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Running;
using RapiConformance.Generation.Schemas;
using RapiConformance.Generation.Stateful;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Generation.Tests;

public sealed class ReplayTests
{
    private static CaseStream Stream(ulong seed) =>
        new(SpecCatalog.Default.ForProfile(Profile.V3_0).OrderBy(o => o.Id, StringComparer.Ordinal).ToList(),
            new RequestGen(TestPool.Create(), new SchemaGen(SchemaValidator.Shared, MapMemberRules.LoadEmbedded())), new Mutator(new BodyRules(SchemaValidator.Shared, MapMemberRules.LoadEmbedded())), seed, 0.5);

    [Fact]
    public void The_same_seed_gives_the_same_cases_in_any_order()
    {
        var a = Stream(1234);
        var b = Stream(1234);
        var forward = Enumerable.Range(0, 300).Select(i => a.At(i).ToString()).ToList();
        var backward = Enumerable.Range(0, 300).Reverse().Select(i => b.At(i).ToString()).Reverse().ToList();
        Assert.Equal(forward, backward);
        Assert.Equal(forward[137], Stream(1234).At(137).ToString());
    }

    [Fact]
    public void Different_seeds_give_different_cases()
    {
        var a = Enumerable.Range(0, 50).Select(i => Stream(1).At(i).ToString());
        var b = Enumerable.Range(0, 50).Select(i => Stream(2).At(i).ToString());
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_run_covers_every_operation_and_both_kinds_of_case()
    {
        var s = Stream(99);
        var cases = Enumerable.Range(0, 3000).Select(i => s.At(i)).ToList();
        Assert.Equal(s.Operations.Count, cases.Select(c => c.OperationId).Distinct().Count());
        Assert.Contains(cases, c => c.Expect == Expectation.Accept);
        Assert.Contains(cases, c => c.Expect == Expectation.Refuse);
        Assert.Contains(cases, c => c.Mutation?.Kind == MutationKind.UnknownEntity);
    }

    [Fact]
    public void Stateful_sequences_replay_from_the_seed()
    {
        var gen = StepGen.Sequence(readOnly: false, maxLength: 10);
        var a = FsCheck.Fluent.Gen.Sample(gen, 20, new FsCheck.Rnd(5), 20).Select(s => string.Join("|", s.Select(x => x.ToString())));
        var b = FsCheck.Fluent.Gen.Sample(gen, 20, new FsCheck.Rnd(5), 20).Select(s => string.Join("|", s.Select(x => x.ToString())));
        Assert.Equal(a, b);
        var reads = FsCheck.Fluent.Gen.Sample(StepGen.Sequence(readOnly: true, 10), 50, new FsCheck.Rnd(5), 20);
        Assert.All(reads.SelectMany(x => x), step => Assert.True(step.IsRead));
    }
}
