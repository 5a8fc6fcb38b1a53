import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { FairPage } from '../features/fair/FairPage';
import { JoinPage } from '../features/join/JoinPage';
import { MyFairsPage } from '../features/my-fairs/MyFairsPage';
import { ManagePage } from '../features/organiser/ManagePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireAccount } from './RequireAccount';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="/join/:code" element={<JoinPage />} />
          <Route element={<RequireAccount />}>
            <Route index element={<MyFairsPage />} />
            <Route path="/fairs/:fairId" element={<FairPage />} />
            <Route path="/fairs/:fairId/manage" element={<ManagePage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
