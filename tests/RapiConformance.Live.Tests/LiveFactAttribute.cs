using Xunit;
using Xunit.Sdk;

namespace RapiConformance.Live.Tests;

/// <summary>
/// A fact that reports Skipped, with the reason, when it throws <see cref="LiveUnavailableException"/>
/// (xunit 2 has no dynamic skip of its own). Any other exception is a failure as usual.
/// </summary>
[XunitTestCaseDiscoverer("RapiConformance.Live.Tests.LiveFactDiscoverer", "RapiConformance.Live.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class LiveFactAttribute : FactAttribute;
