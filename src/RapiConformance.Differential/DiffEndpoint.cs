namespace RapiConformance.Differential;

/// <summary>
/// One side of a comparison: a base URI and the credentials per role. Only <see cref="Writer"/> is
/// required; steps that need a missing role are skipped on both sides and reported as skipped.
/// </summary>
public sealed record DiffEndpoint(string Name, Uri BaseUri, BasicCredential Writer, BasicCredential? Reader = null, BasicCredential? Plain = null)
{
    public bool Has(DiffRole role) => role switch
    {
        DiffRole.Reader => Reader is not null,
        DiffRole.Plain => Plain is not null,
        _ => true,
    };

    public BasicCredential? CredentialFor(DiffRole role) => role switch
    {
        DiffRole.Writer => Writer,
        DiffRole.Reader => Reader,
        DiffRole.Plain => Plain,
        DiffRole.WrongPassword => Writer with { Password = Writer.Password + "-wrong" },
        _ => null,
    };
}
