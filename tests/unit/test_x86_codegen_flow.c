/*
 * Tests of the x86-64 backend, control flow and calls: loops and
 * conditional branches, register pressure, helper calls, exit requests and
 * insn_start, goto_tb chaining and patching, lookup_and_goto, a full code
 * buffer (-ENOSPC), and random programs checked by a reference walk. IR is
 * compiled and run on the fake CPU state of x86_codegen_fixture.h.
 * Value ops and memory access are in test_x86_codegen.c.
 */
#include "x86_codegen_fixture.h"

#include "translator/ir_vec.h"

/* The group setup with the backend initialized for the host's features
 * (in one program with the value-op tests, test_value_ops_host did that). */
static int setup_host(void **state)
{
    int rc = setup(state);
    init_backend(true);
    return rc;
}

/* ---- control flow ---- */

/* r0 = sum of 1..r1 with a loop on a LOCAL counter; exits with code 20. */
static void test_loop(void **state)
{
    (void)state;
    reset_ir();
    IrTemp i = ir_new_local(ctx, IR_I64);
    uint32_t top = ir_new_label(ctx), done = ir_new_label(ctx);
    ir_gen_movi(ctx, IR_I64, gr[0], 0);
    ir_gen_movi(ctx, IR_I64, i, 1);
    ir_gen_set_label(ctx, top);
    ir_gen_brcond(ctx, IR_I64, IR_COND_GTU, i, gr[1], done);
    ir_gen_binop(ctx, IR_OP_add, IR_I64, gr[0], gr[0], i);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, i, i, 1);
    ir_gen_br(ctx, top);
    ir_gen_set_label(ctx, done);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 4);
    TB *tb = compile();
    for (uint64_t n = 0; n < 200; n += 13) {
        cpu.r[1] = n;
        TBExit e = run(tb);
        assert_int_equal(e.code, IR_EXIT_EXCP + 4);
        assert_int_equal(cpu.r[0], n * (n + 1) / 2);
    }
    free_tb(tb);
}

/* Branch over code on every condition; EBB temps before the branch, globals after. */
static void test_brcond(void **state)
{
    (void)state;
    for (int c = IR_COND_NEVER; c <= IR_COND_TSTNE; c++) {
        for (int k = 0; k < 2; k++) {
            reset_ir();
            uint32_t skip = ir_new_label(ctx);
            IrTemp b = k ? ir_const_i64(ctx, 0x80) : gr[1];
            ir_gen_movi(ctx, IR_I64, gr[2], 1);
            ir_gen_brcond(ctx, IR_I64, (IrCond)c, gr[0], b, skip);
            ir_gen_movi(ctx, IR_I64, gr[2], 0);
            ir_gen_set_label(ctx, skip);
            ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
            TB *tb = compile();
            for (size_t i = 0; i < NVALS; i++) {
                cpu.r[0] = vals[i];
                cpu.r[1] = vals[(i + 3) % NVALS];
                run(tb);
                uint64_t bv = k ? 0x80 : cpu.r[1];
                assert_int_equal(cpu.r[2], ir_cond_eval((IrCond)c, IR_I64, vals[i], bv));
            }
            free_tb(tb);
        }
    }
}

/* More live values than host registers: forces spills of EBB temps and globals. */
static void test_pressure(void **state)
{
    (void)state;
    reset_ir();
    enum { N = 40 };
    IrTemp t[N];
    for (int i = 0; i < N; i++) {
        t[i] = ir_new_temp(ctx, IR_I64);
        ir_gen_binopi(ctx, IR_OP_mul, IR_I64, t[i], gr[i % NG64], (uint64_t)i + 3);
    }
    for (int i = 0; i < NG64; i++)
        ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[i], gr[i], 1);
    IrTemp sum = ir_new_temp(ctx, IR_I64);
    ir_gen_movi(ctx, IR_I64, sum, 0);
    for (int i = N; i-- > 0;)
        ir_gen_binop(ctx, IR_OP_xor, IR_I64, sum, sum, t[i]);
    ir_gen_mov(ctx, IR_I64, gr[15], sum);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    uint64_t r[NG64], want = 0;
    for (int i = 0; i < NG64; i++)
        r[i] = cpu.r[i] = 0x1111111111111111ull * (uint64_t)i + 7;
    for (int i = N; i-- > 0;)
        want ^= r[i % NG64] * ((uint64_t)i + 3);
    compile_run(IR_EXIT_EXCP);
    for (int i = 0; i < NG64 - 1; i++)
        assert_int_equal(cpu.r[i], r[i] + 1);
    assert_int_equal(cpu.r[15], want);
}

/* ---- calls and exits ---- */

static uint64_t helper5(CPUCommon *c, uint64_t a, uint64_t b, uint64_t d, uint64_t e, uint64_t f)
{
    TestCPU *t = (TestCPU *)c;
    t->seen[0] = a;
    t->seen[1] = b;
    t->seen[2] = d;
    t->seen[3] = e;
    t->seen[4] = f;
    t->seen[5] = t->r[7]; /* reads a global from the CPU state */
    t->r[6] = 1234;       /* writes a global */
    return a * 3 + f;
}

static void test_call(void **state)
{
    (void)state;
    for (int flags = 0; flags < 2; flags++) {
        reset_ir();
        cpu.r[0] = 10;
        cpu.r[6] = 1;
        IrTemp e = ir_new_temp(ctx, IR_I64);
        ir_gen_binopi(ctx, IR_OP_add, IR_I64, e, gr[0], 1); /* live across the call */
        ir_gen_movi(ctx, IR_I64, gr[7], 77);                /* dirty global the helper reads */
        IrTemp args[5] = {gr[0], e, ir_const_i64(ctx, 0x123456789ull), gr[7], ir_const_i64(ctx, 5)};
        ir_gen_call(ctx, IR_I64, gr[5], (void *)helper5, flags ? IR_CALL_NO_WRITE_GLOBALS : 0, 5,
                    args);
        if (!flags)
            ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[6], gr[6], 1); /* sees the helper's write */
        ir_gen_binop(ctx, IR_OP_add, IR_I64, gr[4], e, gr[0]);
        ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 2);
        compile_run(IR_EXIT_EXCP + 2);
        assert_int_equal(cpu.seen[0], 10);
        assert_int_equal(cpu.seen[1], 11);
        assert_int_equal(cpu.seen[2], 0x123456789ull);
        assert_int_equal(cpu.seen[3], 77);
        assert_int_equal(cpu.seen[4], 5);
        assert_int_equal(cpu.seen[5], 77);
        assert_int_equal(cpu.r[5], 35);
        assert_int_equal(cpu.r[4], 21);
        if (!flags)
            assert_int_equal(cpu.r[6], 1235);
    }
}

static uint32_t lane32(const uint8_t *v, int i)
{
    uint32_t x;
    memcpy(&x, v + 4 * i, 4);
    return x;
}

/* Helper of test_self_loop: asks the TB to stop at the back edge of iteration 10. */
static uint64_t helper_stop_at_10(CPUCommon *c)
{
    TestCPU *t = (TestCPU *)c;
    if (++t->seen[0] == 10)
        c->exit_request = 1;
    return 0;
}

/*
 * A TB whose goto_tb returns to its own pc (0x1000): v0 += v1 (vec) and a counter, with or
 * without a helper call in the body.  With AVX the TB loops inside its code (the
 * vector-register cache kept across the back edge) and leaves through its final exit;
 * exit_request set during an iteration makes it leave through the goto_tb exit with the
 * state in memory.  Without AVX every iteration goes through goto_tb.
 */
static void test_self_loop(void **state)
{
    (void)state;
    X86Features f;
    x86_detect_features(&f);
    int32_t v0 = (int32_t)offsetof(TestCPU, vec[0]), v1 = (int32_t)offsetof(TestCPU, vec[1]);
    for (int with_call = 0; with_call < 2; with_call++) {
        reset_ir();
        uint32_t again = ir_new_label(ctx);
        ir_gen_vec(ctx, v0, v0, v1, ir_vec_desc(IR_VEC_ADD, 2, 1, 0, 0), 0, 0);
        ir_gen_binopi(ctx, IR_OP_sub, IR_I64, gr[1], gr[1], 1);
        if (with_call)
            ir_gen_call(ctx, IR_I64, IR_TEMP_NONE, (void *)helper_stop_at_10, 0, 0, NULL);
        ir_gen_brcond(ctx, IR_I64, IR_COND_NE, gr[1], ir_const(ctx, IR_I64, 0), again);
        ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 1);
        ir_gen_set_label(ctx, again);
        ir_gen_movi(ctx, IR_I64, gpc, 0x1000);
        ir_gen_goto_tb(ctx, 0);
        TB *tb = calloc(1, sizeof(*tb));
        assert_non_null(tb);
        tb->pc = 0x1000;
        tb->jmp_patch_offset[0] = tb->jmp_patch_offset[1] = ~0u;
        if (codebuf_room(&cb) < (1u << 16))
            codebuf_reset(&cb);
        assert_int_equal(x86_codegen(ctx, tb, &cb), 0);
        cpu.r[1] = 100;
        for (int i = 0; i < 4; i++)
            cpu.vec[1][4 * i] = (uint8_t)(i + 1);
        int chain_exits = 0;
        TBExit e;
        while ((e = run(tb)).code == IR_EXIT_CHAIN0) {
            chain_exits++;
            if (with_call && f.avx) { /* stopped by exit_request at iteration 10 */
                assert_int_equal(chain_exits, 1);
                assert_int_equal(cpu.r[1], 90);
                assert_int_equal(lane32(cpu.vec[0], 3), 40);
            }
            cpu.common.exit_request = 0;
        }
        assert_int_equal(e.code, IR_EXIT_EXCP + 1);
        assert_int_equal(chain_exits, f.avx ? with_call : 99);
        for (int i = 0; i < 4; i++)
            assert_int_equal(lane32(cpu.vec[0], i), 100 * (i + 1));
        assert_int_equal(cpu.r[1], 0);
        free_tb(tb);
    }
}

static void test_exit_request_and_insn_start(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_insn_start(ctx, 0x1000);
    ir_gen_movi(ctx, IR_I64, gr[0], 42);
    ir_gen_insn_start(ctx, 0x1004);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 1);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 3);
    TB *tb = compile();
    assert_int_equal(tb->ninsn_starts, 2);
    assert_int_equal(tb->insn_guest_pc[0], 0x1000);
    assert_int_equal(tb->insn_guest_pc[1], 0x1004);
    assert_true(tb->insn_host_off[0] < tb->insn_host_off[1]);
    assert_true(tb->insn_host_off[1] < tb->code_size);
    cpu.common.exit_request = 1;
    TBExit e = run(tb);
    assert_ptr_equal(e.tb, tb);
    assert_int_equal(e.code, IR_EXIT_REQUESTED);
    assert_int_equal(cpu.r[0], 0);
    cpu.common.exit_request = 0;
    e = run(tb);
    assert_int_equal(e.code, IR_EXIT_EXCP + 3);
    assert_int_equal(cpu.r[0], 43);
    free_tb(tb);
}

static void test_goto_tb(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 1);
    ir_gen_goto_tb(ctx, 1);
    TB *a = compile();
    reset_ir();
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 100);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 7);
    TB *b = compile();
    assert_int_equal(a->jmp_patch_offset[0], ~0u);
    assert_int_equal(a->jmp_patch_offset[1] % 4, 0 + ((uintptr_t)a->code % 4 ? 0 : 0));
    assert_int_equal(((uintptr_t)a->code + a->jmp_patch_offset[1]) % 4, 0);
    TBExit e = run(a);
    assert_ptr_equal(e.tb, a);
    assert_int_equal(e.code, IR_EXIT_CHAIN1);
    assert_int_equal(cpu.r[0], 1);
    x86_patch_jump(a, 1, b->code);
    e = run(a);
    assert_ptr_equal(e.tb, b);
    assert_int_equal(e.code, IR_EXIT_EXCP + 7);
    assert_int_equal(cpu.r[0], 102);
    x86_reset_jump(a, 1);
    e = run(a);
    assert_int_equal(e.code, IR_EXIT_CHAIN1);
    assert_int_equal(cpu.r[0], 103);
    free_tb(a);
    free_tb(b);
}

/* lookup_and_goto with a jmp_cache hit jumps straight to the cached TB. */
static void test_lookup_and_goto_hit(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 100);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 9);
    TB *b = compile();
    b->pc = 0x4000;
    b->flags = 3;
    reset_ir();
    ir_gen_movi(ctx, IR_I64, gr[0], 1);
    ir_gen_st_env(ctx, IR_I64, ir_const_i64(ctx, 0x4000), (int32_t)offsetof(CPUCommon, pc));
    ir_gen_lookup_and_goto(ctx);
    TB *a = compile();
    TB **cache = calloc(CPU_JMP_CACHE_SIZE, sizeof(TB *));
    cache[cpu_jmp_cache_hash(0x4000)] = b;
    cpu.common.jmp_cache = cache;
    cpu.common.tb_flags = 3;
    TBExit e = run(a);
    assert_ptr_equal(e.tb, b);
    assert_int_equal(e.code, IR_EXIT_EXCP + 9);
    assert_int_equal(cpu.r[0], 101);
    free(cache);
    free_tb(a);
    free_tb(b);
}

static void test_enospc(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_movi(ctx, IR_I64, gr[0], 1);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    TB *tb = calloc(1, sizeof(*tb));
    uint8_t *save = cb.ptr;
    cb.ptr = cb.end - 100;
    uint8_t *p = cb.ptr;
    assert_int_equal(x86_codegen(ctx, tb, &cb), -ENOSPC);
    assert_ptr_equal(cb.ptr, p);
    cb.ptr = save;
    free_tb(tb);
}

/* ---- random programs: register allocation under pressure, checked by a reference walk ---- */

static uint64_t rng;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t helper_mix(CPUCommon *c, uint64_t a, uint64_t b, uint64_t d, uint64_t e, uint64_t f)
{
    (void)c;
    return a * 31 + (b ^ d) - (e << 3) + (f >> 1);
}

static uint64_t helper_rw(CPUCommon *c, uint64_t a)
{
    TestCPU *t = (TestCPU *)c;
    t->r[6] = t->r[7] + a;
    return t->r[5] ^ a;
}

typedef struct Pool {
    IrTemp t[512];
    int n, nfixed; /* the first nfixed survive block ends (globals, locals) */
} Pool;

static IrTemp pick(Pool *p, IrType ty)
{
    if (rnd() % 5 == 0)
        return ir_const(ctx, ty, rnd() % 3 ? vals[rnd() % NVALS] : rnd());
    return p->t[rnd() % p->n];
}

static IrTemp pick_out(Pool *p, IrType ty)
{
    if (rnd() % 2 && p->n < 500) {
        IrTemp t = ir_new_temp(ctx, ty);
        p->t[p->n++] = t;
        return t;
    }
    return p->t[rnd() % p->nfixed];
}

static void gen_random_op(Pool *pools)
{
    static const int ops2[] = {
        IR_OP_add, IR_OP_sub,  IR_OP_mul, IR_OP_mulsh, IR_OP_muluh, IR_OP_div,  IR_OP_divu,
        IR_OP_rem, IR_OP_remu, IR_OP_and, IR_OP_or,    IR_OP_xor,   IR_OP_andc, IR_OP_orc,
        IR_OP_eqv, IR_OP_shl,  IR_OP_shr, IR_OP_sar,   IR_OP_rotl,  IR_OP_rotr,
    };
    static const int ops1[] = {IR_OP_mov,    IR_OP_neg,     IR_OP_not,   IR_OP_ext8s,
                               IR_OP_ext16u, IR_OP_bswap32, IR_OP_clz,   IR_OP_ctz,
                               IR_OP_ctpop,  IR_OP_ext8u,   IR_OP_ext16s};
    IrType ty = rnd() % 4 ? IR_I64 : IR_I32;
    Pool *p = &pools[ty];
    unsigned w = ty == IR_I64 ? 64 : 32;
    uint64_t a[IR_MAX_ARGS];
    int k = (int)(rnd() % 8);
    if (k < 3) {
        a[1] = pick(p, ty);
        a[2] = pick(p, ty);
        a[0] = pick_out(p, ty);
        ir_emit(ctx, ops2[rnd() % (sizeof(ops2) / sizeof(ops2[0]))], ty, a);
    } else if (k < 5) {
        a[1] = pick(p, ty);
        a[0] = pick_out(p, ty);
        ir_emit(ctx, ops1[rnd() % (sizeof(ops1) / sizeof(ops1[0]))], ty, a);
    } else if (k == 5) {
        unsigned pos = (unsigned)(rnd() % w), len = 1 + (unsigned)(rnd() % (w - pos));
        int opc = (int)(rnd() % 3);
        a[1] = pick(p, ty);
        a[2] = pick(p, ty);
        int nin = opc == 2 ? 2 : 1;
        a[1 + nin] = pos;
        a[2 + nin] = len;
        a[0] = pick_out(p, ty);
        ir_emit(ctx, opc == 0 ? IR_OP_extract : opc == 1 ? IR_OP_sextract : IR_OP_deposit, ty, a);
    } else if (k == 6) {
        bool mc = rnd() & 1;
        for (int i = 1; i <= 4; i++)
            a[i] = pick(p, ty);
        a[mc ? 5 : 3] = rnd() % 14;
        a[0] = pick_out(p, ty);
        ir_emit(ctx, mc ? IR_OP_movcond : IR_OP_setcond, ty, a);
    } else {
        IrType from = rnd() & 1 ? IR_I32 : IR_I64;
        a[1] = pick(&pools[from], from);
        a[0] = pick_out(&pools[!from], (IrType)!from);
        int opc = from == IR_I64 ? IR_OP_trunc_i64 : rnd() & 1 ? IR_OP_extu_i32 : IR_OP_exts_i32;
        ir_emit(ctx, opc, from, a);
    }
}

static void gen_random_mem_or_call(Pool *pools)
{
    Pool *p = &pools[IR_I64];
    int k = (int)(rnd() % 4);
    if (k < 2) {
        IrTemp addr = ir_new_temp(ctx, IR_I64);
        ir_gen_binopi(ctx, IR_OP_and, IR_I64, addr, pick(p, IR_I64), 0x7ff8);
        unsigned mo = (unsigned)(rnd() % 4) | (rnd() & 1 ? IR_MO_SIGN : 0);
        if (k == 0)
            ir_gen_ld(ctx, IR_I64, pick_out(p, IR_I64), addr, mo);
        else
            ir_gen_st(ctx, IR_I64, pick(p, IR_I64), addr, mo);
    } else if (k == 2) {
        IrTemp args[5];
        for (int i = 0; i < 5; i++)
            args[i] = pick(p, IR_I64);
        ir_gen_call(ctx, IR_I64, pick_out(p, IR_I64), (void *)helper_mix, (unsigned)(rnd() % 4), 5,
                    args);
    } else {
        IrTemp arg = pick(p, IR_I64);
        ir_gen_call(ctx, IR_I64, rnd() & 1 ? pick_out(p, IR_I64) : IR_TEMP_NONE, (void *)helper_rw,
                    0, 1, &arg);
    }
}

/* Reference semantics of the program in ctx, on values v[] and memory mem. */
static void ref_run(uint64_t *v, uint8_t *mem)
{
    for (uint32_t i = 0; i < ctx->nops; i++) {
        const IrOp *op = &ctx->ops[i];
        uint64_t in[IR_MAX_ARGS];
        for (int k = 0; k < op->nin; k++) {
            IrTemp t = ir_in(op, k);
            in[k] = ir_temp_is_const(ctx, t) ? ctx->temps[t].val : v[t];
        }
        switch (op->opc) {
        case IR_OP_exit_tb:
            return;
        case IR_OP_set_label:
            break;
        case IR_OP_brcond:
            if (ir_cond_eval((IrCond)ir_cst(op, 0), (IrType)op->type, in[0], in[1]))
                for (uint32_t j = 0; j < ctx->nops; j++)
                    if (ctx->ops[j].opc == IR_OP_set_label &&
                        ir_cst(&ctx->ops[j], 0) == ir_cst(op, 1))
                        i = j;
            break;
        case IR_OP_ld: {
            unsigned mo = (unsigned)ir_cst(op, 0), n = 1u << (mo & IR_MO_SIZE);
            uint64_t x = 0;
            memcpy(&x, mem + in[0], n);
            if ((mo & IR_MO_SIGN) && n < 8)
                x = (uint64_t)((int64_t)(x << (64 - 8 * n)) >> (64 - 8 * n));
            v[ir_out(op, 0)] = x;
            break;
        }
        case IR_OP_st:
            memcpy(mem + in[1], &in[0], 1u << (ir_cst(op, 0) & IR_MO_SIZE));
            break;
        case IR_OP_call: {
            uint64_t r;
            if (ir_cst(op, 0) == (uint64_t)(uintptr_t)helper_mix) {
                r = helper_mix(NULL, in[0], in[1], in[2], in[3], in[4]);
            } else {
                v[gr[6]] = v[gr[7]] + in[0];
                r = v[gr[5]] ^ in[0];
            }
            if (op->nout)
                v[ir_out(op, 0)] = r;
            break;
        }
        default: {
            uint64_t r;
            assert_true(ir_eval_pure(op, in, &r));
            v[ir_out(op, 0)] = r;
            break;
        }
        }
    }
}

static void random_program(int nops)
{
    reset_ir();
    Pool pools[2];
    memset(pools, 0, sizeof(pools));
    for (int i = 0; i < NG32; i++)
        pools[IR_I32].t[pools[IR_I32].n++] = gw[i];
    for (int i = 0; i < NG64; i++)
        pools[IR_I64].t[pools[IR_I64].n++] = gr[i];
    for (int ty = 0; ty < 2; ty++) {
        for (int i = 0; i < 3; i++) {
            IrTemp l = ir_new_local(ctx, (IrType)ty);
            ir_gen_movi(ctx, (IrType)ty, l, rnd());
            pools[ty].t[pools[ty].n++] = l;
        }
        pools[ty].nfixed = pools[ty].n;
    }
    int label_in = -1;
    uint32_t label = 0;
    for (int k = 0; k < nops; k++) {
        if (label_in == 0) {
            ir_gen_set_label(ctx, label);
            pools[0].n = pools[0].nfixed;
            pools[1].n = pools[1].nfixed;
        }
        if (label_in >= 0)
            label_in--;
        unsigned r = (unsigned)(rnd() % 100);
        if (r < 80) {
            gen_random_op(pools);
        } else if (r < 92) {
            gen_random_mem_or_call(pools);
        } else if (label_in < 0) {
            IrType ty = rnd() & 1 ? IR_I64 : IR_I32;
            label = ir_new_label(ctx);
            ir_gen_brcond(ctx, ty, (IrCond)(rnd() % 14), pick(&pools[ty], ty), pick(&pools[ty], ty),
                          label);
            pools[0].n = pools[0].nfixed;
            pools[1].n = pools[1].nfixed;
            label_in = (int)(rnd() % 12);
        }
    }
    if (label_in >= 0)
        ir_gen_set_label(ctx, label);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 11);

    uint64_t *v = calloc(ctx->ntemps, sizeof(uint64_t));
    uint8_t *mem = malloc(0x8000);
    for (int i = 0; i < NG64; i++)
        v[gr[i]] = cpu.r[i] = rnd();
    for (int i = 0; i < NG32; i++)
        v[gw[i]] = cpu.w[i] = (uint32_t)rnd();
    for (int i = 0; i < 0x8000; i++)
        guest[i] = mem[i] = (uint8_t)rnd();
    ref_run(v, mem);
    compile_run(IR_EXIT_EXCP + 11);
    for (int i = 0; i < NG64; i++)
        if (cpu.r[i] != v[gr[i]]) {
            ir_dump(ctx, stderr);
            fail_msg("r%d: got %#llx want %#llx", i, (unsigned long long)cpu.r[i],
                     (unsigned long long)v[gr[i]]);
        }
    for (int i = 0; i < NG32; i++)
        assert_int_equal(cpu.w[i], (uint32_t)v[gw[i]]);
    assert_memory_equal(guest, mem, 0x8000);
    free(v);
    free(mem);
}

static void test_random_programs(void **state)
{
    (void)state;
    for (int feat = 1; feat >= 0; feat--) {
        init_backend(feat);
        rng = 0x9e3779b97f4a7c15ull;
        for (int i = 0; i < 3000; i++)
            random_program(10 + (int)(rnd() % 120));
    }
    init_backend(true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loop),
        cmocka_unit_test(test_brcond),
        cmocka_unit_test(test_pressure),
        cmocka_unit_test(test_call),
        cmocka_unit_test(test_exit_request_and_insn_start),
        cmocka_unit_test(test_self_loop),
        cmocka_unit_test(test_goto_tb),
        cmocka_unit_test(test_lookup_and_goto_hit),
        cmocka_unit_test(test_random_programs),
        cmocka_unit_test(test_enospc),
    };
    return cmocka_run_group_tests(tests, setup_host, teardown);
}
