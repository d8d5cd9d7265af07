using FsCheck;
using FsCheck.Fluent;
using RapiConformance.Generation.Mutations;
using RapiConformance.Generation.Oracle;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Generation.Tests;

public sealed class MutatorTests
{
    private static readonly SpecCatalog Catalog = SpecCatalog.Default;
    private static readonly SchemaValidator Validator = SchemaValidator.Shared;
    private static readonly BodyRules Rules = new(Validator, MapMemberRules.LoadEmbedded());

    private static readonly EntityPool Pool = new(new Dictionary<string, string[]>
    {
        ["instance_name"] = ["inst1.example.com", "inst2.example.com"],
        ["node_name"] = ["node1.example.com", "node2.example.com"],
        ["group_name"] = ["default"],
        ["network_name"] = ["net1"],
        ["job_id"] = ["1", "2"],
    });

    private static readonly MutationKind[] SchemaKeywordKinds =
        [MutationKind.MissingRequired, MutationKind.UnknownMember, MutationKind.OutOfEnum, MutationKind.OutOfRange, MutationKind.PatternViolation];

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var op in Catalog.ForProfile(Profile.V3_0).OrderBy(o => o.Id, StringComparer.Ordinal)) data.Add(op.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_mutation_changes_one_thing_and_its_expectation_matches_the_spec(string operationId)
    {
        var op = Catalog.Get(operationId);
        var requests = new RequestGen(Pool, new SchemaGen(SchemaValidator.Shared, MapMemberRules.LoadEmbedded()));
        var mutator = new Mutator(Rules);
        var oracle = new ResponseOracle(Catalog, Profile.V3_0, Validator, Rules);
        var pairs = requests.Positive(op, baseForMutation: true).SelectMany(p => mutator.Mutate(op, p).Select(m => (p, m)));
        var property = Prop.ForAll(Arb.From(pairs), pair =>
        {
            var (positive, mutated) = pair;
            if (mutated.Mutation is null) return op.RequestBody is null && !op.Parameters.Any();
            var changed = new[]
            {
                positive.Path != mutated.Path,
                positive.PathAndQuery[positive.Path.Length..] != mutated.PathAndQuery[mutated.Path.Length..],
                positive.BodyText != mutated.BodyText,
                positive.ContentType != mutated.ContentType,
            }.Count(x => x);
            if (changed != 1) return false;
            if (mutated.Expect == Expectation.Refuse && !oracle.StillInvalid(op, mutated)) return false;
            var ignoredBody = op.BodyUsage == Mutator.IgnoredBody;
            if (mutated.Expect == Expectation.Robust && mutated.RawBody is null && op.RequestBody is not null && mutated.HasBody && !ignoredBody)
                return Validator.Validate(op.RequestBody, mutated.BodyText!).Count == 0;
            if (SchemaKeywordKinds.Contains(mutated.Mutation.Kind) && mutated.Mutation.Location.StartsWith("body", StringComparison.Ordinal))
                return mutated.Expect == (ignoredBody ? Expectation.Robust : Expectation.Refuse);
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(120).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void Transport_mutations_break_the_body_or_the_content_type()
    {
        var op = Catalog.Get("renameGroup");
        var requests = new RequestGen(Pool, new SchemaGen(SchemaValidator.Shared, MapMemberRules.LoadEmbedded()));
        var mutator = new Mutator(Rules);
        var positive = Gen.Sample(requests.Positive(op, baseForMutation: true), 1, new Rnd(3), 10)[0];
        var candidates = mutator.Candidates(op, positive);
        var all = candidates.SelectMany(c => Gen.Sample(c, 30, new Rnd(5), 10)).ToList();
        var malformed = all.Where(r => r.Mutation!.Kind == MutationKind.MalformedJson).ToList();
        var contentTypes = all.Where(r => r.Mutation!.Kind == MutationKind.WrongContentType).ToList();
        Assert.NotEmpty(malformed);
        Assert.NotEmpty(contentTypes);
        Assert.All(malformed, r => Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(r.RawBody!)));
        Assert.All(contentTypes, r => Assert.NotEqual("application/json", r.ContentType));
        Assert.All(all, r => Assert.Equal(Expectation.Refuse == r.Expect, r.Expect == Expectation.Refuse));
    }

    [Fact]
    public void Every_mutation_kind_is_produced_somewhere_in_the_spec()
    {
        var requests = new RequestGen(Pool, new SchemaGen(SchemaValidator.Shared, MapMemberRules.LoadEmbedded()));
        var mutator = new Mutator(Rules);
        var seen = new HashSet<MutationKind>();
        foreach (var op in Catalog.ForProfile(Profile.V3_0))
        {
            var positives = Gen.Sample(requests.Positive(op, baseForMutation: true), 5, new Rnd(9), 10);
            foreach (var p in positives)
                foreach (var c in mutator.Candidates(op, p))
                    seen.Add(Gen.Sample(c, 1, new Rnd(1), 10)[0].Mutation!.Kind);
        }
        var missing = Enum.GetValues<MutationKind>().Where(k => k != MutationKind.UnknownEntity && !seen.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "never produced: " + string.Join(", ", missing));
    }
}
