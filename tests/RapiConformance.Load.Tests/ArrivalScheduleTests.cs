using System.Diagnostics;
using RapiConformance.Load.Engine;

namespace RapiConformance.Load.Tests;

public class ArrivalScheduleTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(250.0)]
    [InlineData(5000.0)]
    public void Intended_send_time_of_request_i_is_i_over_rate(double rate)
    {
        var schedule = new ArrivalSchedule(rate);
        foreach (var i in new long[] { 0, 1, 7, 1000, 123_457 })
        {
            var expectedSeconds = i / rate;
            var actualSeconds = schedule.IntendedOffsetTicks(i) / (double)Stopwatch.Frequency;
            Assert.Equal(expectedSeconds, actualSeconds, 6);
        }
    }

    [Fact]
    public void Due_count_agrees_with_intended_times()
    {
        var schedule = new ArrivalSchedule(333);
        for (long i = 0; i < 2000; i += 37)
        {
            var at = schedule.IntendedOffsetTicks(i);
            Assert.True(schedule.DueBy(at + 1) >= i + 1, $"request {i} is due at its intended time");
            Assert.True(schedule.DueBy(at - Stopwatch.Frequency / 1000) <= i, $"request {i} is not due 1 ms before");
        }
        Assert.Equal(0, schedule.DueBy(-1));
    }

    [Fact]
    public void Rate_must_be_positive() => Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalSchedule(0));
}
