"""The long expression of SymPy's test_derivatives_of_complicated_matrix_expr and its claimed gradient,
in numpy (SymPy's D renamed F), for the oracle of sy-complicated-expression."""

def complicated(a, b, A, B, C, F, X):
    T = X.T
    inner = a @ b.T @ (X @ F @ T + X @ (T @ B + A @ X) @ F @ B - T @ C.T @ A) @ B + B @ (X @ F.T + B @ A @ X @ A.T
                                                                                        - 3 * X @ F)
    return a.T @ (A @ X @ (T @ B + X @ A) + B.T @ T @ inner @ B + 42 * X @ B @ T @ A.T @ (X + T)) @ b


def complicated_result(a, b, A, B, C, F, X):
    T, Bt = X.T, B.T
    Bt2, Bt3, B2, B3 = Bt @ Bt, Bt @ Bt @ Bt, B @ B, B @ B @ B
    terms = [
        (B @ (B @ A @ X @ A.T - 3 * X @ F + X @ F.T) + a @ b.T @ (X @ (A @ X + T @ B) @ F @ B + X @ F @ T
                                                                   - T @ C.T @ A) @ B) @ B @ b @ a.T @ Bt,
        B2 @ b @ a.T @ Bt @ T @ a @ b.T @ X @ F,
        42 * A @ X @ Bt @ T @ a @ b.T,
        B @ F @ B3 @ b @ a.T @ Bt @ T @ a @ b.T @ X,
        B @ b @ a.T @ A @ X,
        a @ b.T @ (42 * X + 42 * T) @ A @ X @ Bt,
        b @ a.T @ X @ B @ a @ b.T @ Bt2 @ X @ F.T,
        b @ a.T @ X @ B @ a @ b.T @ Bt3 @ F.T @ (Bt @ X + T @ A.T),
        42 * b @ a.T @ X @ B @ T @ A.T,
        A.T @ (42 * X + 42 * T) @ b @ a.T @ X @ B,
        A.T @ Bt2 @ X @ B @ a @ b.T @ Bt @ A,
        A.T @ a @ b.T @ (A.T @ T + Bt @ X),
        A.T @ T @ b @ a.T @ X @ B @ a @ b.T @ Bt3 @ F.T,
        Bt @ X @ B @ a @ b.T @ Bt @ F,
        -3 * Bt @ X @ B @ a @ b.T @ Bt @ F.T,
        -C.T @ A @ B2 @ b @ a.T @ Bt @ T @ a @ b.T,
        T @ A.T @ a @ b.T @ A.T,
    ]
    return sum(terms)
