namespace RapiConformance.Server.Cluster;

public sealed class Network : Entity
{
    public override EntityKind Kind => EntityKind.Network;

    public string Subnet { get; set; } = "";

    public string? Gateway { get; set; }

    public string? Subnet6 { get; set; }

    public string? Gateway6 { get; set; }

    public string? MacPrefix { get; set; }

    /// <summary>Addresses reserved outside Ganeti (network, broadcast, gateway, and any added).</summary>
    public List<string> ExternalReservations { get; set; } = [];

    public List<NetworkLink> Groups { get; set; } = [];
}

public sealed class NetworkLink
{
    public string GroupUuid { get; set; } = "";

    public string Mode { get; set; } = "bridged";

    public string Link { get; set; } = "";

    public string Vlan { get; set; } = "";
}
