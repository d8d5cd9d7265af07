namespace RapiConformance.Generation.Requests;

public enum MutationKind
{
    WrongType,
    MissingRequired,
    UnknownMember,
    OutOfEnum,
    OutOfRange,
    PatternViolation,
    OversizedString,
    ControlCharacters,
    NonAsciiCharacters,
    TrueFalseForBool,
    MalformedJson,
    WrongContentType,
    MissingQuery,
    OddPathName,
    UnknownEntity,
}

public static class MutationKindText
{
    public static string ToKebab(this MutationKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
