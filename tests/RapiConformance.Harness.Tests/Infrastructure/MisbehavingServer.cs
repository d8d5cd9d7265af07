using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RapiConformance.Harness.Tests;

public enum Misbehaviour { Hang, Reset, Garbage, ShortBody, HugeBody, Slow }

/// <summary>
/// A raw TCP server on a free loopback port that misbehaves in one way on every connection. It counts
/// connections and keeps the request heads it read, so tests can see what the client sent (and how often).
/// </summary>
public sealed class MisbehavingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _requests = [];
    private int _connections;

    public MisbehavingServer(Misbehaviour mode)
    {
        Mode = mode;
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public Misbehaviour Mode { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<string> Requests { get { lock (_requests) return _requests.ToList(); } }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try { socket = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var s = socket;
        var ct = _stop.Token;
        try
        {
            var head = await ReadHeadAsync(socket, ct);
            lock (_requests) _requests.Add(head);
            switch (Mode)
            {
                case Misbehaviour.Hang:
                    await Task.Delay(Timeout.Infinite, ct);
                    break;
                case Misbehaviour.Reset:
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    break;
                case Misbehaviour.Garbage:
                    await socket.SendAsync("\u0000\u00ffNOT HTTP AT ALL\r\n\r\n{{{"u8.ToArray(), ct);
                    break;
                case Misbehaviour.ShortBody:
                    await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n[1,2"), ct);
                    break;
                case Misbehaviour.HugeBody:
                    await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\n["), ct);
                    var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0,", 32 * 1024)));
                    for (var i = 0; i < 100_000 && !ct.IsCancellationRequested; i++) await socket.SendAsync(chunk, ct);
                    break;
                case Misbehaviour.Slow:
                    foreach (var b in Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\nnull"))
                    {
                        await socket.SendAsync(new[] { b }, ct);
                        await Task.Delay(100, ct);
                    }
                    break;
            }
        }
        catch (Exception)
        {
            // The client hung up or the server is stopping: both are expected here.
        }
    }

    private static async Task<string> ReadHeadAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[16384];
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(total), ct);
            if (n == 0) break;
            total += n;
            if (Encoding.ASCII.GetString(buffer, 0, total).Contains("\r\n\r\n", StringComparison.Ordinal)) break;
        }
        return Encoding.ASCII.GetString(buffer, 0, total);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (Exception) { }
        _stop.Dispose();
    }
}
