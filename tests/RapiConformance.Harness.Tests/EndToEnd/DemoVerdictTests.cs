using RapiConformance.Cli;
using Xunit;

namespace RapiConformance.Harness.Tests;

/// <summary>The demo's exit code counts the fuzz budget's failures as well as the must checks.</summary>
public sealed class DemoVerdictTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 3, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 2, 1)]
    [InlineData(2, 5, 2)]
    [InlineData(0, -1, 0)]
    public void Exit_code_is_nonzero_when_checks_or_fuzz_fail(int checks, int fuzzFailures, int expected) =>
        Assert.Equal(expected, DemoVerdict.Of(checks, fuzzFailures).ExitCode);

    [Fact]
    public void Summary_line_names_the_fuzz_failures_when_the_checks_passed()
    {
        var (exit, line) = DemoVerdict.Of(0, 4);
        Assert.Equal(1, exit);
        Assert.Contains("passed every must check but the fuzz budget found 4 failure(s)", line, StringComparison.Ordinal);
        Assert.Contains("see the report", line, StringComparison.Ordinal);
        Assert.DoesNotContain("see the report", DemoVerdict.Of(0, 0).Line, StringComparison.Ordinal);
    }
}
