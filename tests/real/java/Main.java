// A Java program for tests/real/cases/java-basic.sh, compiled on the host with javac and run by
// each side's java: threads, HashMap, String.format, exceptions (an implicit null check, which
// the JVM implements with SIGSEGV), a hot loop the JIT compiles, and a little GC pressure.
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class Main {
    static long hot(int n) {
        long s = 0;
        for (int i = 0; i < n; i++)
            s += (i * 31L) ^ (s >>> 7);
        return s;
    }

    static int len(String s) {
        return s.length();
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> fs = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            final int k = t;
            fs.add(pool.submit(() -> hot(200000 + k)));
        }
        long sum = 0;
        for (Future<Long> f : fs)
            sum += f.get();
        pool.shutdown();
        System.out.println(String.format("threads: %d tasks, sum %x", fs.size(), sum));

        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < 10000; i++)
            m.merge("k" + (i % 97), i, Integer::sum);
        TreeMap<String, Integer> sorted = new TreeMap<>(m);
        System.out.println(String.format("map: %d keys, first %s=%d, last %s=%d", m.size(),
            sorted.firstKey(), sorted.firstEntry().getValue(), sorted.lastKey(),
            sorted.lastEntry().getValue()));

        int nulls = 0;
        String[] words = {"a", null, "ccc", null};
        for (int r = 0; r < 20000; r++) {
            for (String w : words) {
                try {
                    len(w);
                } catch (NullPointerException e) {
                    nulls++;
                }
            }
        }
        System.out.println("null checks caught: " + nulls);
        try {
            Object o = "x";
            Integer i = (Integer) o;
        } catch (ClassCastException e) {
            System.out.println("cast: " + e.getClass().getSimpleName());
        }
        try {
            int[] a = new int[2];
            a[args.length + 5] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("bounds: " + e.getMessage());
        }
        AtomicLong counter = new AtomicLong();
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                for (int i = 0; i < 100000; i++)
                    counter.incrementAndGet();
            });
            ts[t].start();
        }
        for (Thread t : ts)
            t.join();
        System.out.println("atomic: " + counter.get());
        List<int[]> garbage = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            garbage.add(new int[1000]);
            if (garbage.size() > 100)
                garbage.clear();
        }
        System.gc();
        System.out.println(String.format("format: %08.3f|%-5s|%,d", Math.PI, "ab", 1234567));
    }
}
