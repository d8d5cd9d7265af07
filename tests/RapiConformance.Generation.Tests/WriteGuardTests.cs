using RapiConformance.Generation.Mutations;
using RapiConformance.Generation.Requests;
using RapiConformance.Generation.Rules;
using RapiConformance.Generation.Running;
using RapiConformance.Generation.Schemas;
using RapiConformance.Spec;
using Xunit;

namespace RapiConformance.Generation.Tests;

/// <summary>Write scope "own": what the guard lets through to a shared cluster, and what it never does.</summary>
public sealed class WriteGuardTests
{
    private static readonly SpecCatalog Catalog = SpecCatalog.Default;
    private static readonly BodyRules Rules = new(SchemaValidator.Shared, MapMemberRules.LoadEmbedded());

    /// <summary>A shared cluster: foreign entities plus some of the fuzzer's own.</summary>
    private static readonly EntityPool Pool = new(new Dictionary<string, string[]>
    {
        ["instance_name"] = ["inst1.ganeti.test", "inst2.ganeti.test", "rcfz-1-a", "rcfz-1-b"],
        ["node_name"] = ["node1.ganeti.test"],
        ["group_name"] = ["default", "group2", "rcfz-1x1g-abcd"],
        ["network_name"] = ["net1", "rcfz-1x2n-efgh"],
        ["filter_uuid"] = ["0b6d7f0e-1111-2222-3333-444455556666"],
        ["job_id"] = ["1", "2", "3"],
    });

    private static readonly WriteGuard Guard = new(Pool);

    private static FuzzRequest Request(string operationId, Dictionary<string, string>? path = null, string? body = null, params (string, string)[] query)
    {
        var op = Catalog.Get(operationId);
        return new FuzzRequest(op.Id, op.Method, op.PathTemplate, path ?? [], query.Select(q => new KeyValuePair<string, string>(q.Item1, q.Item2)).ToList(),
            null, body is not null, body, body is null ? null : RequestGen.JsonContentType, Expectation.Accept, null);
    }

    [Fact]
    public void A_write_Ganeti_can_dry_run_goes_with_dry_run_1_whatever_it_names()
    {
        var admitted = Guard.Admit(Catalog.Get("deleteInstance"), Request("deleteInstance", new() { ["instance_name"] = "inst1.ganeti.test" }, null, ("dry-run", "0")));
        Assert.NotNull(admitted);
        Assert.Equal([new KeyValuePair<string, string>("dry-run", "1")], admitted.Query);
    }

    [Theory]
    [InlineData("inst1.ganeti.test", false)]
    [InlineData("inst1", false)] // Ganeti expands a short name to inst1.ganeti.test
    [InlineData("rcfz-1-a", true)]
    [InlineData("no-such-instance", true)]
    public void A_write_without_dry_run_goes_only_to_own_or_absent_entities(string instance, bool sent)
    {
        var request = Request("renameInstance", new() { ["instance_name"] = instance }, "{\"new_name\":\"x\"}");
        Assert.Equal(sent, Guard.Admit(Catalog.Get("renameInstance"), request) is not null);
    }

    [Theory]
    [InlineData("modifyCluster")]
    [InlineData("redistributeConfig")]
    [InlineData("createFilter")]
    public void Cluster_wide_writes_without_dry_run_are_not_sent(string operationId) =>
        Assert.Null(Guard.Admit(Catalog.Get(operationId), Request(operationId, body: "{}")));

    [Theory]
    [InlineData("reason", "é中", null)]
    [InlineData("tag", "abc", "{\"x\":\"\\u00e9\"}")]
    [InlineData("tag", "abc", "{\"x\":\"é\"}")]
    public void A_job_with_non_ASCII_text_is_not_sent(string key, string value, string? body) =>
        Assert.Null(Guard.Admit(Catalog.Get("addClusterTags"), Request("addClusterTags", body: body, query: (key, value))));

    [Fact]
    public void A_job_naming_a_percent_encoded_high_byte_is_not_sent() =>
        Assert.Null(Guard.Admit(Catalog.Get("addInstanceTags"), Request("addInstanceTags", new() { ["instance_name"] = "%ff%fe" }, null, ("tag", "a"))));

    [Fact]
    public void Reads_and_plain_ASCII_jobs_pass()
    {
        Assert.NotNull(Guard.Admit(Catalog.Get("addClusterTags"), Request("addClusterTags", query: ("tag", "abc\u0001"))));
        var read = Request("getInstance", new() { ["instance_name"] = "inst1.ganeti.test" });
        Assert.Same(read, Guard.Admit(Catalog.Get("getInstance"), read));
    }

    /// <summary>
    /// The safety law over everything the generator makes (valid and mutated, every 3.0 operation): an
    /// admitted write either goes with ?dry-run=1 or names no foreign entity that exists, and never
    /// carries non-ASCII into a job.
    /// </summary>
    [Fact]
    public void No_generated_write_that_the_guard_admits_can_change_a_foreign_entity()
    {
        var operations = Catalog.ForProfile(Profile.V3_0).OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
        var stream = new CaseStream(operations, new RequestGen(Pool, new SchemaGen(SchemaValidator.Shared, Rules.Maps), Pool.OwnOnly()), new Mutator(Rules), 99, 0.5);
        int admittedWrites = 0, withheld = 0, dryRun = 0;
        for (var i = 0; i < 4000; i++)
        {
            var request = stream.At(i);
            var op = Catalog.Get(request.OperationId);
            var admitted = Guard.Admit(op, request);
            if (admitted is null) { withheld++; continue; }
            if (op.IsJob) Assert.False(WriteGuard.CarriesNonAscii(admitted), admitted.ToString());
            if (!op.Writes || op.Method == "GET") continue;
            admittedWrites++;
            Assert.DoesNotContain("/2/filters", admitted.Path, StringComparison.Ordinal);
            if (WriteGuard.CanDryRun(op))
            {
                Assert.Contains(new KeyValuePair<string, string>("dry-run", "1"), admitted.Query);
                dryRun++;
                continue;
            }
            Assert.True(op.PathParameters.Any(), $"{op.Id} names no entity and cannot be dry-run, yet was admitted");
            foreach (var (name, value) in admitted.PathValues)
            {
                var foreign = Pool.Existing(name).Where(e => !OwnEntities.Owns(e));
                Assert.DoesNotContain(foreign, e => e == value || e.StartsWith(value + ".", StringComparison.OrdinalIgnoreCase));
            }
        }
        Assert.True(admittedWrites > 500 && dryRun > 100 && withheld > 50, $"admitted writes {admittedWrites}, dry-run {dryRun}, withheld {withheld}");
    }
}
