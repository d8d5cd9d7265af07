namespace RapiConformance.Spec.Tests;

/// <summary>The committed spec file, loaded once per test class that asks for it.</summary>
public sealed class CatalogFixture
{
    public SpecCatalog Catalog { get; } = SpecCatalog.LoadFile(ReferenceFiles.SpecYaml);
}
