using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace RapiConformance.Generation.Schemas;

/// <summary>
/// Builds an FsCheck generator of strings that match a regular expression (the subset the spec uses:
/// literals, escapes \d \w \s, classes with ranges and negation, groups, alternation, quantifiers,
/// anchors). Unbounded quantifiers are capped so strings stay short; the caller re-checks the result.
/// </summary>
public static class RegexStringGen
{
    private const int UnboundedExtra = 6;
    private static readonly char[] Word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".ToCharArray();
    private static readonly char[] Digit = "0123456789".ToCharArray();
    private static readonly char[] Space = [' '];
    private static readonly char[] Printable = Enumerable.Range(0x21, 0x5e).Select(i => (char)i).ToArray();

    public static Gen<string> For(string pattern)
    {
        var parser = new Parser(pattern);
        var node = parser.ParseAlternation();
        return node.Select(sb => sb.ToString());
    }

    private sealed class Parser(string p)
    {
        private int _i;

        public Gen<StringBuilder> ParseAlternation()
        {
            var branches = new List<Gen<StringBuilder>> { ParseSequence() };
            while (_i < p.Length && p[_i] == '|')
            {
                _i++;
                branches.Add(ParseSequence());
            }
            return branches.Count == 1 ? branches[0] : Gen.OneOf(branches);
        }

        private Gen<StringBuilder> ParseSequence()
        {
            var parts = new List<Gen<string>>();
            while (_i < p.Length && p[_i] != '|' && p[_i] != ')')
            {
                var atom = ParseAtom();
                if (atom is null) continue;
                parts.Add(ParseQuantifier(atom));
            }
            return Gen.CollectToList(parts).Select(list =>
            {
                var sb = new StringBuilder();
                foreach (var s in list) sb.Append(s);
                return sb;
            });
        }

        private Gen<string>? ParseAtom()
        {
            var c = p[_i++];
            switch (c)
            {
                case '^':
                case '$':
                    return null;
                case '(':
                    if (_i < p.Length && p[_i] == '?')
                    {
                        _i++; // (?: or (?<name> — both just group
                        if (p[_i] == '<' || p[_i] == 'P')
                        {
                            while (p[_i] != '>') _i++;
                        }
                        _i++;
                    }
                    var inner = ParseAlternation();
                    if (_i < p.Length && p[_i] == ')') _i++;
                    return inner.Select(sb => sb.ToString());
                case '[':
                    return Gen.Elements(ParseClass()).Select(ch => ch.ToString());
                case '.':
                    return Gen.Elements(Word).Select(ch => ch.ToString());
                case '\\':
                    return Gen.Elements(Escape(p[_i++])).Select(ch => ch.ToString());
                default:
                    return Gen.Constant(c.ToString());
            }
        }

        private Gen<string> ParseQuantifier(Gen<string> atom)
        {
            if (_i >= p.Length) return atom;
            int min, max;
            switch (p[_i])
            {
                case '*': min = 0; max = UnboundedExtra; _i++; break;
                case '+': min = 1; max = 1 + UnboundedExtra; _i++; break;
                case '?': min = 0; max = 1; _i++; break;
                case '{':
                    var close = p.IndexOf('}', _i);
                    var body = p[(_i + 1)..close];
                    _i = close + 1;
                    var comma = body.IndexOf(',');
                    if (comma < 0) { min = max = int.Parse(body); }
                    else
                    {
                        min = comma == 0 ? 0 : int.Parse(body[..comma]);
                        max = comma == body.Length - 1 ? min + UnboundedExtra : int.Parse(body[(comma + 1)..]);
                    }
                    break;
                default: return atom;
            }
            if (_i < p.Length && p[_i] is '?' or '+') _i++; // lazy/possessive: same strings
            return Gen.Choose(min, max).SelectMany(n => Gen.ListOf(atom, n)).Select(parts => string.Concat(parts));
        }

        private char[] ParseClass()
        {
            var negate = p[_i] == '^';
            if (negate) _i++;
            var set = new List<char>();
            var first = true;
            while (_i < p.Length && (p[_i] != ']' || first))
            {
                first = false;
                var c = p[_i++];
                if (c == '\\')
                {
                    var e = p[_i++];
                    var chars = Escape(e);
                    if (chars.Length > 1) { set.AddRange(chars); continue; }
                    c = chars[0];
                }
                if (_i + 1 < p.Length && p[_i] == '-' && p[_i + 1] != ']')
                {
                    _i++;
                    var hi = p[_i++];
                    if (hi == '\\') hi = Escape(p[_i++])[0];
                    for (var x = c; x <= hi; x++) set.Add(x);
                }
                else set.Add(c);
            }
            _i++; // ]
            if (!negate) return set.Distinct().ToArray();
            var allowed = Printable.Where(ch => !set.Contains(ch)).ToArray();
            return allowed.Length > 0 ? allowed : ['a'];
        }

        private static char[] Escape(char e) => e switch
        {
            'd' => Digit,
            'w' => Word,
            's' => Space,
            'D' => Printable.Where(c => !char.IsAsciiDigit(c)).ToArray(),
            'W' => "-.:/!@".ToCharArray(),
            'S' => Word,
            'n' => ['\n'],
            't' => ['\t'],
            _ => [e],
        };
    }
}
