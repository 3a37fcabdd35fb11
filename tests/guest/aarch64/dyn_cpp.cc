// link: dynamic
/* C++ through the dynamic loader: libstdc++.so.6 and libgcc_s.so.1 from the
 * sysroot; strings, containers, iostreams, exceptions (unwinding through
 * shared libraries), virtual calls, static constructors. */
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
    virtual std::string name() const = 0;
};
struct Rect : Shape {
    double w, h;
    Rect(double w_, double h_) : w(w_), h(h_) {}
    double area() const override { return w * h; }
    std::string name() const override { return "rect"; }
};
struct Circle : Shape {
    double r;
    explicit Circle(double r_) : r(r_) {}
    double area() const override { return 3.0 * r * r; }
    std::string name() const override { return "circle"; }
};

static std::string global_greeting = std::string("static ") + "constructor ran";

static int parse_positive(const std::string &s)
{
    int v = std::stoi(s);
    if (v <= 0)
        throw std::domain_error("not positive: " + s);
    return v;
}

int main()
{
    std::cout << global_greeting << '\n';
    std::vector<std::unique_ptr<Shape>> shapes;
    shapes.push_back(std::make_unique<Rect>(2, 3));
    shapes.push_back(std::make_unique<Circle>(1.5));
    shapes.push_back(std::make_unique<Rect>(0.5, 8));
    for (const auto &s : shapes)
        std::cout << s->name() << " area " << s->area() << '\n';

    std::vector<int> v(20);
    std::iota(v.begin(), v.end(), -5);
    std::sort(v.begin(), v.end(), [](int a, int b) { return (a * 7) % 11 < (b * 7) % 11; });
    std::ostringstream os;
    for (int x : v)
        os << x << ',';
    std::cout << os.str() << " sum=" << std::accumulate(v.begin(), v.end(), 0) << '\n';

    std::map<std::string, int> words;
    std::istringstream in("the quick brown fox jumps over the lazy dog the end");
    for (std::string w; in >> w;)
        words[w]++;
    for (const auto &kv : words)
        std::cout << kv.first << '=' << kv.second << ' ';
    std::cout << '\n';

    for (const char *s : {"12", "-3", "abc", "7"}) {
        try {
            std::cout << "parse " << s << " -> " << parse_positive(s) << '\n';
        } catch (const std::domain_error &e) {
            std::cout << "domain_error: " << e.what() << '\n';
        } catch (const std::exception &e) {
            std::cout << "exception: " << e.what() << '\n';
        }
    }
    try {
        std::vector<int> small(3);
        std::cout << small.at(10) << '\n';
    } catch (const std::out_of_range &) {
        std::cout << "out_of_range caught\n";
    }
    std::string s = "Hello";
    s += ", C++ world";
    std::reverse(s.begin(), s.end());
    std::cout << s << " (" << s.size() << ")\n";
    return 0;
}
