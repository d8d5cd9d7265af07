using RapiConformance.Client;
using Xunit;

namespace RapiConformance.Harness.Tests;

public sealed class JobStatusRankTests
{
    [Theory]
    [InlineData("queued", "waiting")]
    [InlineData("waiting", "running")]
    [InlineData("running", "waiting")] // a multi-opcode job's next opcode waits for its locks (real Ganeti 3.0.2)
    [InlineData("waiting", "canceling")]
    [InlineData("canceling", "canceled")]
    [InlineData("running", "success")]
    public void Forward_moves_are_never_lower(string from, string to) =>
        Assert.True(JobStatus.Rank(to) >= JobStatus.Rank(from));

    [Theory]
    [InlineData("success", "queued")]
    [InlineData("error", "running")]
    [InlineData("running", "queued")]
    [InlineData("canceled", "waiting")]
    public void Backward_moves_are_lower(string from, string to) =>
        Assert.True(JobStatus.Rank(to) < JobStatus.Rank(from));
}
