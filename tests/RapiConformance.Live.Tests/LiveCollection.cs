using Xunit;

namespace RapiConformance.Live.Tests;

/// <summary>Every test that talks to the real cluster shares one <see cref="LiveCluster"/> and runs one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveCluster>
{
    public const string Name = "live";
}
