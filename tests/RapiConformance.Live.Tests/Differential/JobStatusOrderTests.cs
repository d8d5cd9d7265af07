using RapiConformance.Differential;
using Xunit;

namespace RapiConformance.Live.Tests.Differential;

public sealed class JobStatusOrderTests
{
    [Theory]
    [InlineData("queued,waiting,running,success", true)]
    [InlineData("queued,error", true)]
    [InlineData("success", true)]
    [InlineData("waiting,canceling,canceled", true)]
    [InlineData("running,queued", false)]
    [InlineData("success,running", false)]
    [InlineData("canceling,success", false)]
    [InlineData("queued,bogus", false)]
    public void Sequences_follow_the_job_life_cycle(string sequence, bool valid) =>
        Assert.Equal(valid, JobStatusOrder.IsValid(sequence.Split(',')));
}
