using RapiConformance.Spec;

namespace RapiConformance.Differential;

/// <summary>
/// Reads the spec's x-rapi-notes as documentation of a status difference: a note of the operation that
/// names both status codes (for example "our server answers 400 where Ganeti answers 500") explains it.
/// </summary>
public sealed class SpecNotes(SpecCatalog catalog)
{
    public string? Explain(Difference difference)
    {
        if (difference.Kind != DifferenceKind.Status || catalog.Find(difference.OperationId) is not { } operation)
        {
            return null;
        }
        var note = operation.Notes.FirstOrDefault(n => n.Contains(difference.A, StringComparison.Ordinal)
                                                       && n.Contains(difference.B, StringComparison.Ordinal));
        return note is null ? null : "x-rapi-notes: " + note;
    }
}
