using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using RapiConformance.Generation.Mutations;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Running;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Generation.Tests;

public sealed class ShrinkingTests
{
    private static readonly SpecCatalog Catalog = SpecCatalog.Default;
    private static readonly SchemaValidator Validator = SchemaValidator.Shared;
    private static readonly BodyRules Rules = new(Validator, MapMemberRules.LoadEmbedded());

    [Theory]
    [InlineData("createInstance")]
    [InlineData("modifyInstance")]
    [InlineData("createGroup")]
    [InlineData("migrateInstance")]
    [InlineData("createNetwork")]
    [InlineData("replaceFilter")]
    public void Shrink_candidates_are_smaller_and_keep_mutation_and_validity(string operationId)
    {
        var op = Catalog.Get(operationId);
        var requests = new RequestGen(TestPool.Create(), new SchemaGen(SchemaValidator.Shared, MapMemberRules.LoadEmbedded()));
        var mutator = new Mutator(Rules);
        var shrinker = new RequestShrinker(Catalog, Rules);
        var cases = Gen.OneOf(requests.Positive(op), requests.Positive(op, baseForMutation: true).SelectMany(p => mutator.Mutate(op, p)));
        var property = Prop.ForAll(Arb.From(cases), request =>
        {
            var valid = request.HasBody && request.RawBody is null ? Validator.Validate(op.RequestBody!, request.BodyText!).Count == 0 : (bool?)null;
            foreach (var candidate in shrinker.Shrink(request).Take(60))
            {
                if (candidate.Weight > request.Weight) return false;
                if (candidate.Mutation != request.Mutation || candidate.Expect != request.Expect) return false;
                if (valid is { } v && (Validator.Validate(op.RequestBody!, candidate.BodyText!).Count == 0) != v) return false;
            }
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(80).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void FsCheck_shrinks_a_failing_body_to_the_members_that_matter()
    {
        // A stand-in "server bug": any createInstance body that carries 'start' fails.
        var op = Catalog.Get("createInstance");
        var requests = new RequestGen(TestPool.Create(), new SchemaGen(SchemaValidator.Shared, MapMemberRules.LoadEmbedded()));
        var shrinker = new RequestShrinker(Catalog, Rules);
        var failing = Gen.Sample(requests.Positive(op, baseForMutation: true), 200, new Rnd(42), 30)
            .Where(r => r.Body is JsonObject o && o.ContainsKey("start") && o.Count > 8)
            .OrderByDescending(r => r.Weight).First();
        var (shrunk, steps) = CaseShrinker.Shrink(failing, shrinker.Shrink,
            r => Task.FromResult(r.Body is JsonObject o && o.ContainsKey("start")), maxAttempts: 2000);
        var members = ((JsonObject)shrunk.Body!).Select(kv => kv.Key).ToHashSet();
        Assert.True(steps > 0);
        Assert.True(shrunk.Weight < failing.Weight, $"{shrunk.Weight} !< {failing.Weight}");
        Assert.Contains("start", members);
        Assert.Empty(Validator.Validate(op.RequestBody!, shrunk.BodyText!));
        // Only required members (and one of each alias pair) are left besides the one that matters.
        Assert.True(members.Count <= 7, string.Join(",", members));
        Assert.Empty(shrunk.Query);
    }
}
