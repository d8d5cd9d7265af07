namespace RapiConformance.Server.Faults;

/// <summary>The faults planted in one server; empty unless --fault was given.</summary>
public sealed class FaultSet
{
    private readonly HashSet<string> _ids;

    public FaultSet(IEnumerable<string> ids)
    {
        _ids = new HashSet<string>(ids, StringComparer.Ordinal);
        var unknown = _ids.Where(i => !FaultCatalog.Exists(i)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown fault '{unknown[0]}' (see serve --list-faults)");
    }

    public bool Any => _ids.Count > 0;

    public bool Has(string id) => _ids.Count > 0 && _ids.Contains(id);
}
