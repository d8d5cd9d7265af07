namespace RapiConformance.Load.Tests;

public class LoadArgumentsTests
{
    [Theory]
    [InlineData("500/s", 500)]
    [InlineData("1000", 1000)]
    [InlineData("0.5/s", 0.5)]
    [InlineData("120/m", 2)]
    public void Rates_parse(string text, double expected)
    {
        Assert.True(LoadArguments.TryParseRate(text, out var rate));
        Assert.Equal(expected, rate, 9);
    }

    [Theory]
    [InlineData("0/s")]
    [InlineData("-5")]
    [InlineData("fast")]
    [InlineData("NaN")]
    public void Bad_rates_do_not_parse(string text) => Assert.False(LoadArguments.TryParseRate(text, out _));

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("250ms", 0.25)]
    [InlineData("1h", 3600)]
    [InlineData("7", 7)]
    public void Durations_parse(string text, double seconds)
    {
        Assert.True(LoadArguments.TryParseDuration(text, out var d));
        Assert.Equal(seconds, d.TotalSeconds, 9);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1s")]
    [InlineData("100d")]
    public void Bad_durations_do_not_parse(string text) => Assert.False(LoadArguments.TryParseDuration(text, out _));
}
