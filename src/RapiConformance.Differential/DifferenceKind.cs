namespace RapiConformance.Differential;

/// <summary>The aspects the comparison looks at, one per kind of difference.</summary>
public enum DifferenceKind
{
    Status,
    ContentType,
    WwwAuthenticate,
    ErrorBody,
    MissingField,
    FieldType,
    JobFinalStatus,
    JobFailure,
    JobStatusSequence,
    Transport,
}
