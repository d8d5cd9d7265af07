using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RapiConformance.Server.Http;

/// <summary>A 200 answer: JSON built now, or pre-serialised pieces written as one JSON array (bulk lists).</summary>
public sealed class RapiResult
{
    private static readonly byte[] Open = "["u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] Close = "]"u8.ToArray();
    private readonly byte[]? _bytes;
    private readonly IReadOnlyList<byte[]>? _items;

    private RapiResult(byte[]? bytes, IReadOnlyList<byte[]>? items)
    {
        _bytes = bytes;
        _items = items;
    }

    public static RapiResult Json(JsonNode? node) => new(Encoding.UTF8.GetBytes(node?.ToJsonString(JsonOptions.Relaxed) ?? "null"), null);

    public static RapiResult Raw(byte[] bytes) => new(bytes, null);

    public static RapiResult Array(IReadOnlyList<byte[]> items) => new(null, items);

    public long Length => _bytes?.Length ?? (_items!.Sum(i => (long)i.Length) + Math.Max(1, _items!.Count) + 1);

    /// <summary>The whole body (for faults that rewrite it).</summary>
    public byte[] ToBytes()
    {
        if (_bytes is not null) return _bytes;
        using var ms = new MemoryStream((int)Length);
        ms.Write(Open);
        for (var i = 0; i < _items!.Count; i++)
        {
            if (i > 0) ms.Write(Comma);
            ms.Write(_items[i]);
        }
        ms.Write(Close);
        return ms.ToArray();
    }

    public async Task WriteAsync(HttpResponse response, CancellationToken ct)
    {
        response.ContentLength = Length;
        if (_bytes is not null)
        {
            await response.Body.WriteAsync(_bytes, ct).ConfigureAwait(false);
            return;
        }
        var writer = response.BodyWriter;
        writer.Write(Open);
        for (var i = 0; i < _items!.Count; i++)
        {
            if (i > 0) writer.Write(Comma);
            writer.Write(_items[i]);
            if (i % 256 == 255) await writer.FlushAsync(ct).ConfigureAwait(false);
        }
        writer.Write(Close);
        await writer.FlushAsync(ct).ConfigureAwait(false);
    }
}
