using RapiConformance.Server.Auth;
using RapiConformance.Server.Cluster;
using RapiConformance.Server.Faults;
using RapiConformance.Server.Jobs;
using RapiConformance.Spec;

namespace RapiConformance.Server.Http;

/// <summary>What handlers work with: the cluster, the job queue, the opcode builder, the faults and the options.</summary>
public sealed record RapiServices(
    SpecCatalog Catalog,
    Profile Profile,
    ClusterState Cluster,
    JobQueue Jobs,
    OpcodeBuilder Opcodes,
    Authenticator Authenticator,
    FaultSet Faults,
    ServerOptions Options);
