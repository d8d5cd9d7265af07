using RapiConformance.Checks;
using RapiConformance.Runner;
using Xunit;

namespace RapiConformance.Harness.Tests;

public sealed class SuiteAndCatalogTests
{
    [Fact]
    public void Check_ids_are_unique_kebab_case_and_every_check_is_fully_declared()
    {
        var checks = CheckCatalog.Create();
        Assert.Equal(checks.Count, checks.Select(c => c.Id).Distinct().Count());
        foreach (var c in checks)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Title), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Requirement), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Source), c.Id);
            Assert.NotEmpty(c.Profiles);
        }
    }

    [Theory]
    [InlineData("smoke", false)]
    [InlineData("readonly", false)]
    [InlineData("full", true)]
    public void Built_in_suites_load_and_name_only_existing_checks(string name, bool writes)
    {
        var suite = SuiteLoader.Load(name);
        var ids = CheckCatalog.Create().Select(c => c.Id).ToHashSet();
        Assert.Equal(name, suite.Name);
        Assert.Equal(writes, suite.Writes);
        Assert.All(suite.Checks.Where(c => c != "*"), c => Assert.Contains(c, ids));
        Assert.All(suite.Disabled, c => Assert.Contains(c, ids));
        Assert.InRange(suite.Concurrency, 1, 64);
    }

    [Fact]
    public void Unknown_suite_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SuiteLoader.Load("no-such-suite"));
    }

    [Fact]
    public void Suite_yaml_reads_every_knob()
    {
        var suite = SuiteLoader.Parse("""
            name: tiny
            writes: true
            checks: [transport-sound, status-code-documented]
            disabled: [status-code-documented]
            operations: [getVersion]
            examples: 2
            concurrency: 3
            time-limit-seconds: 20
            request-timeout-seconds: 2
            job-timeout-seconds: 4
            """, "x");
        Assert.True(suite.Selects("transport-sound"));
        Assert.False(suite.Selects("status-code-documented"));
        Assert.False(suite.Selects("response-schema-valid"));
        Assert.True(suite.CoversOperation("getVersion"));
        Assert.False(suite.CoversOperation("getClusterInfo"));
        Assert.Equal((2, 3, 20, 2, 4), (suite.Examples, suite.Concurrency, suite.TimeLimitSeconds, suite.RequestTimeoutSeconds, suite.JobTimeoutSeconds));
    }

    [Fact]
    public void Known_deviations_match_by_check_and_operation()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            - check: no-undocumented-5xx
              operation: modifyCluster
              reason: Ganeti 3.0 answers 500 on PUT /2/modify without a body
            - check: responses-timely
              reason: slow lab cluster
            """);
        var known = KnownDeviations.Load(path);
        Assert.NotNull(known.Match("no-undocumented-5xx", "modifyCluster"));
        Assert.Null(known.Match("no-undocumented-5xx", "modifyInstance"));
        Assert.NotNull(known.Match("responses-timely", "getVersion"));
        File.Delete(path);
    }

    [Fact]
    public void Known_deviations_load_by_name_from_the_built_in_files_and_an_unknown_name_lists_them()
    {
        Assert.Contains("ganeti-3.0", KnownDeviations.BuiltIn);
        var repoFile = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "known-deviations", "ganeti-3.0.yaml");
        var byName = KnownDeviations.Load("ganeti-3.0");
        Assert.NotEmpty(byName.Entries);
        if (File.Exists(repoFile)) Assert.Equal(KnownDeviations.Load(repoFile).Entries, byName.Entries);
        var error = Assert.Throws<FileNotFoundException>(() => KnownDeviations.Load("ganeti-9.9"));
        Assert.Contains("built in: ganeti-3.0", error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => KnownDeviations.Load("./ganeti-3.0"));
    }
}
