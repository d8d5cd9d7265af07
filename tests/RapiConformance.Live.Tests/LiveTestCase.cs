using Xunit.Abstractions;
using Xunit.Sdk;

namespace RapiConformance.Live.Tests;

/// <summary>Runs like a plain fact, but a failure caused by <see cref="LiveUnavailableException"/> is reported as a skip.</summary>
public sealed class LiveTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer", error: true)]
    public LiveTestCase()
    {
    }

    public LiveTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        using var bus = new SkipWhenUnavailableBus(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
        if (bus.Skipped > 0)
        {
            summary.Failed -= bus.Skipped;
            summary.Skipped += bus.Skipped;
        }
        return summary;
    }
}
