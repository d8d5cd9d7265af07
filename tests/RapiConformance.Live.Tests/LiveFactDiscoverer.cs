using Xunit.Abstractions;
using Xunit.Sdk;

namespace RapiConformance.Live.Tests;

/// <summary>Makes one <see cref="LiveTestCase"/> per [LiveFact] method.</summary>
public sealed class LiveFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (factAttribute.GetNamedArgument<string>("Skip") is { } skip)
        {
            return [new ExecutionErrorTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, "static Skip is not supported on [LiveFact]: " + skip)];
        }
        return [new LiveTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
