using Xunit.Abstractions;
using Xunit.Sdk;

namespace RapiConformance.Live.Tests;

/// <summary>Passes every message on, except that a failure by <see cref="LiveUnavailableException"/> becomes a skip.</summary>
public sealed class SkipWhenUnavailableBus(IMessageBus inner) : IMessageBus
{
    private static readonly string Marker = typeof(LiveUnavailableException).FullName!;

    public int Skipped { get; private set; }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.Length > 0 && failed.ExceptionTypes[0] == Marker)
        {
            Skipped++;
            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[0]));
        }
        return inner.QueueMessage(message);
    }

    public void Dispose()
    {
    }
}
